package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.EmailInUseException;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.EmailChangeAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserAttributeUpdateSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * What cognito-local does with an email change, raw (no stand-in), against what AWS does; see
 * {@code docs/emulators.md}.
 *
 * <ul>
 *   <li>Keeping the original email until the new one is verified ({@code
 *       AttributesRequireVerificationBeforeUpdate=email}): cognito-local does as AWS when the pool
 *       is created with the setting (the contract runs on it), but its {@code UpdateUserPool}
 *       drops the setting.
 *   <li>An email another user has: AWS refuses {@code UpdateUserAttributes} with {@code
 *       AliasExistsException}; cognito-local accepts it and two users end up with one email.
 *       {@link EmailChangeAsAws} gives AWS's answer in the contract run.
 * </ul>
 */
@WithEmulators
class EmailChangeGapsIT {

  private static final String PASSWORD = "Gaps-Pa55word!";

  private final EmulatorEnvironment env;

  EmailChangeGapsIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private static String email(String name) {
    return name + "+" + UUID.randomUUID() + "@example.com";
  }

  private String accessToken(String email) {
    return env.cognito().initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult().accessToken();
  }

  private Map<String, String> attributes(String email) {
    List<AttributeType> list = env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username(email)).userAttributes();
    return list.stream().collect(java.util.stream.Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private void updateEmail(CognitoIdentityProviderClient cognito, String accessToken, String newEmail) {
    cognito.updateUserAttributes(b -> b.accessToken(accessToken)
        .userAttributes(AttributeType.builder().name("email").value(newEmail).build()));
  }

  @Test
  void withThePoolCreatedWithTheSettingTheOriginalEmailStaysActiveUntilVerified() {
    String oldEmail = email("old");
    String newEmail = email("new");
    env.createConfirmedUser(oldEmail, PASSWORD, Map.of());
    String token = accessToken(oldEmail);

    updateEmail(env.cognito(), token, newEmail);

    assertThat(attributes(oldEmail)).containsEntry("email", oldEmail).containsEntry("email_verified", "true");
    assertThat(accessToken(oldEmail)).isNotBlank();
    assertThatThrownBy(() -> accessToken(newEmail)).isInstanceOf(NotAuthorizedException.class);

    env.cognito().verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(LocalEmulators.CONFIRMATION_CODE));

    assertThat(attributes(newEmail)).containsEntry("email", newEmail).containsEntry("email_verified", "true");
    assertThat(accessToken(newEmail)).isNotBlank();
    assertThatThrownBy(() -> accessToken(oldEmail)).isInstanceOf(NotAuthorizedException.class);
  }

  @Test
  void updateUserPoolDropsTheSetting() {
    String poolId = env.cognito().createUserPool(b -> b.poolName("email-settings-" + UUID.randomUUID().toString().substring(0, 8))
        .usernameAttributesWithStrings("email").autoVerifiedAttributesWithStrings("email")).userPool().id();

    env.cognito().updateUserPool(b -> b.userPoolId(poolId).autoVerifiedAttributesWithStrings("email")
        .userAttributeUpdateSettings(u -> u.attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)));

    // AWS's DescribeUserPool answers the setting UpdateUserPool was given.
    UserAttributeUpdateSettingsType settings = env.cognito().describeUserPool(b -> b.userPoolId(poolId)).userPool()
        .userAttributeUpdateSettings();
    assertThat(settings == null ? List.of() : settings.attributesRequireVerificationBeforeUpdate()).isEmpty();
  }

  @Test
  void cognitoLocalLetsAUserTakeAnotherUsersEmailWhereAwsRefusesIt() {
    String email = email("mover");
    String taken = email("holder");
    env.createConfirmedUser(email, PASSWORD, Map.of());
    env.createConfirmedUser(taken, PASSWORD, Map.of());

    String token = accessToken(email);
    updateEmail(env.cognito(), token, taken);
    env.cognito().verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(LocalEmulators.CONFIRMATION_CODE));

    assertThat(env.cognito().listUsers(b -> b.userPoolId(env.userPoolId()).filter("email = \"" + taken + "\"")).users())
        .as("two users with one email, which AWS never allows in a pool signing in by email").hasSize(2);
  }

  @Test
  void theStandInRefusesAnotherUsersEmailAsAwsDoesAndChangesNothing() {
    String email = email("mover");
    String taken = email("holder");
    env.createConfirmedUser(email, PASSWORD, Map.of());
    env.createConfirmedUser(taken, PASSWORD, Map.of());
    AwsAnswers aws = new EmailChangeAsAws(env.cognito(), env.userPoolId()).addTo(new AwsAnswers());
    try (AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(aws)).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build()) {
      AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();

      assertThatThrownBy(() -> service.requestEmailChange(session, taken)).isInstanceOf(EmailInUseException.class);

      // Refused before cognito-local saw it: the code it would have accepted now verifies nothing.
      assertThatThrownBy(() -> env.cognito().verifyUserAttribute(b -> b.accessToken(session.accessToken())
          .attributeName("email").code(LocalEmulators.CONFIRMATION_CODE))).isInstanceOf(CodeMismatchException.class);
      assertThat(attributes(email)).containsEntry("email", email);
      assertThat(attributes(taken)).containsEntry("email", taken);
      assertThat(aws.requests()).hasSize(1);
    }
  }
}
