package dev.profilekit.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The IAM policies in docs/terraform/iam.tf grant exactly the Cognito and DynamoDB actions the SDK's
 * code calls: a call added without its permission fails here instead of with AccessDenied on AWS, and
 * a permission no code uses any more fails too (least privilege). The calls are found in the main
 * sources by the receiver names the code uses for its clients ({@code cognito}, {@code cognito()},
 * {@code dynamoDb}) followed by a method of the AWS SDK client interface.
 */
class IamPolicyCoverageTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "profilekit", "aws");
  private static final String IAM = TerraformModule.file("iam.tf");

  /**
   * Cognito actions authorised by the app client or the user's access token, not by IAM (the Cognito
   * API reference lists them as "public" / token-authorised operations; the AWS SDK's auth scheme
   * provider sends them without SigV4, GetTokensFromRefreshToken with InitiateAuth).
   */
  private static final Set<String> PUBLIC_COGNITO = Set.of(
      "InitiateAuth", "GetTokensFromRefreshToken", "RespondToAuthChallenge", "SignUp", "ConfirmSignUp", "ResendConfirmationCode",
      "ForgotPassword", "ConfirmForgotPassword", "ChangePassword", "GlobalSignOut", "RevokeToken",
      "DeleteUser", "GetUser", "AssociateSoftwareToken", "VerifySoftwareToken", "UpdateUserAttributes",
      "VerifyUserAttribute", "GetUserAttributeVerificationCode", "SetUserMFAPreference",
      // The passkey calls: "Authorize this action with a signed-in user's access token"; "Amazon
      // Cognito doesn't evaluate Identity and Access Management (IAM) policies" (their references).
      "StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "ListWebAuthnCredentials", "DeleteWebAuthnCredential");

  @Test
  void theServicePolicyGrantsExactlyTheServicesCalls() {
    Set<String> used = actionsCalledIn(path -> {
      String p = SOURCES.relativize(path).toString().replace('\\', '/');
      // the backfill, account linking and table setup run under their own roles (below)
      return !p.startsWith("backfill/") && !p.equals("federated/AccountLinker.java") && !p.startsWith("setup/");
    });
    // the backfill reuses the profile store's conditional insert (PutItem), which the service also
    // uses for a deleted account's tombstone
    assertThat(used).contains("dynamodb:PutItem", "cognito-idp:AdminDeleteUser");
    assertThat(policyActions("service")).containsExactlyInAnyOrderElementsOf(used);
  }

  @Test
  void theBackfillPolicyGrantsItsCalls() {
    Set<String> used = actionsCalledIn(path -> SOURCES.relativize(path).toString().replace('\\', '/').startsWith("backfill/"));
    // the profile store's insertIfAbsent (PutItem, falling back to UpdateItem) and dry-run GetItem
    used.addAll(Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"));
    assertThat(policyActions("backfill")).containsExactlyInAnyOrderElementsOf(used);
  }

  @Test
  void theOperatorPolicyGrantsAccountLinkingsCalls() {
    Set<String> used = actionsCalledIn(path -> path.endsWith(Path.of("federated", "AccountLinker.java")));
    assertThat(used).contains("cognito-idp:AdminLinkProviderForUser");
    assertThat(policyActions("operator")).containsExactlyInAnyOrderElementsOf(used);
  }

  @Test
  void everyCallTheCodeMakesIsFound() {
    // guards the scan itself: if the receiver names changed, the sets above would silently shrink
    Set<String> all = actionsCalledIn(path -> true);
    assertThat(all).contains("cognito-idp:AdminCreateUser", "cognito-idp:AdminDisableUser", "cognito-idp:AdminEnableUser",
        "cognito-idp:AdminResetUserPassword", "cognito-idp:CreateGroup", "cognito-idp:AdminAddUserToGroup",
        "dynamodb:UpdateItem", "dynamodb:Scan", "dynamodb:CreateTable", "dynamodb:UpdateTimeToLive");
  }

  private static Set<String> actionsCalledIn(java.util.function.Predicate<Path> include) {
    Set<String> cognitoOps = operations(CognitoIdentityProviderClient.class);
    Set<String> dynamoOps = operations(DynamoDbClient.class);
    Pattern call = Pattern.compile("\\b(cognito(?:\\(\\))?|dynamoDb)\\s*(?:\\.|::)\\s*([a-z]\\w*)\\s*\\(?");
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).filter(include).collect(Collectors.toList())) {
        Matcher m = call.matcher(Files.readString(file));
        while (m.find()) {
          String method = m.group(2).replaceFirst("Paginator$", "");
          boolean cognito = m.group(1).startsWith("cognito");
          Set<String> ops = cognito ? cognitoOps : dynamoOps;
          if (!ops.contains(method)) {
            continue; // a ProfileKit method on a ProfileKit object named cognito (CognitoAuth)
          }
          String action = Character.toUpperCase(method.charAt(0)) + method.substring(1);
          if (cognito && PUBLIC_COGNITO.contains(action)) {
            continue;
          }
          actions.add((cognito ? "cognito-idp:" : "dynamodb:") + action);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return actions;
  }

  private static Set<String> operations(Class<?> client) {
    return Arrays.stream(client.getMethods()).map(Method::getName).collect(Collectors.toSet());
  }

  private static Set<String> policyActions(String name) {
    String block = TerraformModule.block(IAM, "data \"aws_iam_policy_document\" \"" + name + "\"");
    Matcher m = Pattern.compile("\"((?:dynamodb|cognito-idp):\\w+)\"").matcher(block);
    Set<String> actions = new TreeSet<>();
    while (m.find()) {
      actions.add(m.group(1));
    }
    return actions;
  }
}
