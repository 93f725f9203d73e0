package dev.profilekit.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.federated.CognitoHostedUi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Terraform module in docs/terraform allows what the SDK does on a real user pool. */
class TerraformModuleTest {

  private static final String COGNITO = TerraformModule.file("cognito.tf");
  private static final String IAM = TerraformModule.file("iam.tf");

  @Test
  void theAppClientAllowsEveryScopeTheHostedUiAsksForByDefault() {
    String client = TerraformModule.block(COGNITO, "resource \"aws_cognito_user_pool_client\" \"app\"");
    Matcher scopes = Pattern.compile("allowed_oauth_scopes\\s*=\\s*\\[([^\\]]*)\\]").matcher(client);
    assertThat(scopes.find()).isTrue();

    for (String scope : CognitoHostedUi.DEFAULT_SCOPES) {
      assertThat(scopes.group(1)).as("AWS refuses an authorize request for a scope the client lacks").contains("\"" + scope + "\"");
    }
  }

  @Test
  void theServiceRoleCannotLinkAccountsButTheOperatorRoleCan() {
    String service = TerraformModule.block(IAM, "data \"aws_iam_policy_document\" \"service\"");
    String operator = TerraformModule.block(IAM, "data \"aws_iam_policy_document\" \"operator\"");

    assertThat(service).doesNotContain("AdminLinkProviderForUser");
    assertThat(operator).contains("\"cognito-idp:AdminLinkProviderForUser\"", "\"cognito-idp:AdminGetUser\"", "\"cognito-idp:ListUsers\"");
    assertThat(IAM).contains("resource \"aws_iam_policy\" \"operator\"", "resource \"aws_iam_role_policy_attachment\" \"operator\"");
    assertThat(TerraformModule.file("outputs.tf")).contains("output \"operator_policy_arn\"");
  }

  @Test
  void theAppClientAllowsTheDefaultPasswordFlow() {
    String client = TerraformModule.block(COGNITO, "resource \"aws_cognito_user_pool_client\" \"app\"");
    Matcher flows = Pattern.compile("explicit_auth_flows\\s*=\\s*\\[([^\\]]*)\\]").matcher(client);
    assertThat(flows.find()).isTrue();

    // A service built with the defaults signs in by SRP (PasswordAuthFlow's documented default);
    // AWS refuses InitiateAuth with a flow the client does not allow.
    assertThat(flows.group(1)).contains("\"ALLOW_" + PasswordAuthFlow.USER_SRP_AUTH + "\"", "\"ALLOW_REFRESH_TOKEN_AUTH\"");
  }

  @Test
  void thePoolAllowsAuthenticatorApps() {
    String pool = TerraformModule.block(COGNITO, "resource \"aws_cognito_user_pool\" \"users\"");

    // With MFA OFF Cognito never asks for a TOTP code, so startTotpEnrolment (and the demo) could not protect a sign-in.
    assertThat(pool).containsPattern("\\bmfa_configuration\\s*=\\s*\"OPTIONAL\"");
    assertThat(TerraformModule.block(pool, "software_token_mfa_configuration")).containsPattern("enabled\\s*=\\s*true");
  }

  @Test
  void appleMapsEmailVerified() {
    String apple = TerraformModule.block(COGNITO, "resource \"aws_cognito_identity_provider\" \"apple\"");

    assertThat(TerraformModule.stringMap(apple, "attribute_mapping")).containsEntry("email_verified", "email_verified");
  }

  @Test
  void providerDetailsThatAwsRewritesOrNeverReturnsAreIgnored() {
    String google = TerraformModule.block(COGNITO, "resource \"aws_cognito_identity_provider\" \"google\"");
    String apple = TerraformModule.block(COGNITO, "resource \"aws_cognito_identity_provider\" \"apple\"");

    // Cognito adds these keys to a Google provider's details, so every plan would show a change.
    for (String added : new String[] {"attributes_url", "attributes_url_add_attributes", "authorize_url",
        "oidc_issuer", "token_request_method", "token_url"}) {
      assertThat(ignoredChanges(google)).contains("provider_details[\"" + added + "\"]");
    }
    // Apple's private key is write-only: Cognito never returns it.
    assertThat(ignoredChanges(apple)).contains("provider_details[\"private_key\"]");
  }

  @Test
  void theProviderIsPinnedToOneMajorVersion() {
    Matcher version = Pattern.compile("source\\s*=\\s*\"hashicorp/aws\"\\s*version\\s*=\\s*\"([^\"]+)\"")
        .matcher(TerraformModule.file("versions.tf"));
    assertThat(version.find()).isTrue();

    // "~> 5.40" is >= 5.40 and < 6: version 6 renamed data.aws_region's "name", which outputs.tf uses.
    assertThat(version.group(1)).matches("~> 5\\.\\d+(\\.\\d+)?");
    assertThat(TerraformModule.file("outputs.tf")).contains("data.aws_region.current.name");
  }

  private static String ignoredChanges(String resource) {
    Matcher ignore = Pattern.compile("ignore_changes\\s*=\\s*\\[(.*?)\\n\\s*\\]", Pattern.DOTALL).matcher(TerraformModule.block(resource, "lifecycle"));
    assertThat(ignore.find()).as("lifecycle.ignore_changes").isTrue();
    return ignore.group(1).replaceAll("\\s+", "");
  }
}
