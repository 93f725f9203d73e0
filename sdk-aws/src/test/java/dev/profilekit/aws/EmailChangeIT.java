package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.backfill.FailOnCall;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * An email change cut short between Cognito's change and the profile's write, on the emulators:
 * Cognito and the profile disagree until a rerun of {@code confirmEmailChange}, which makes the
 * profile follow Cognito (and reports the used code as invalid). The failures are injected with
 * {@link FailOnCall}. The rest of the behaviour is in the contract ({@code EmailChangeCases}).
 */
@WithEmulators
class EmailChangeIT {

  private static final String PASSWORD = "Email-Pa55word!";

  private final EmulatorEnvironment env;

  EmailChangeIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(List<ExecutionInterceptor> cognito, List<ExecutionInterceptor> dynamoDb) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognito.toArray(ExecutionInterceptor[]::new)))
        .dynamoDb(env.dynamoDb(dynamoDb.toArray(ExecutionInterceptor[]::new)))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  private AwsUserProfileService healthy() {
    return service(List.of(), List.of());
  }

  private static String email(String name) {
    return name + "+" + UUID.randomUUID() + "@example.com";
  }

  /** A signed-in user with a stored profile and an email change waiting for its code. */
  private AuthSession pendingChange(AwsUserProfileService service, String oldEmail, String newEmail) {
    env.createConfirmedUser(oldEmail, PASSWORD, Map.of());
    AuthSession session = service.signIn(oldEmail, PASSWORD).sessionOrThrow();
    service.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    service.requestEmailChange(session, newEmail);
    return session;
  }

  private String cognitoEmail(String userId) {
    return env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username(userId)).userAttributes().stream()
        .filter(a -> a.name().equals("email")).map(AttributeType::value).findFirst().orElseThrow();
  }

  private void assertRerunMakesTheProfileFollow(AwsUserProfileService service, AuthSession session, String oldEmail, String newEmail) {
    String userId = session.user().userId();
    assertThat(cognitoEmail(userId)).as("Cognito changed").isEqualTo(newEmail);
    UserProfile behind = service.admin().findStoredProfile(userId).orElseThrow();
    assertThat(behind.email()).as("the profile is behind until the rerun").contains(oldEmail);

    // Cognito used the code up: the rerun reports it, after the profile followed.
    assertThatThrownBy(() -> service.confirmEmailChange(session, LocalEmulators.CONFIRMATION_CODE))
        .isInstanceOf(InvalidCodeException.class);

    UserProfile after = service.admin().findStoredProfile(userId).orElseThrow();
    assertThat(after.email()).contains(newEmail);
    assertThat(after.emailVerified()).isTrue();
    assertThat(after.version()).isEqualTo(behind.version() + 1);
    assertThat(after.displayName()).contains("Ada");
  }

  @Test
  void aProfileWriteThatFailsAfterCognitoVerifiedIsRepairedByARerun() {
    String oldEmail = email("old");
    String newEmail = email("new");
    AwsUserProfileService service = healthy();
    AuthSession session = pendingChange(service, oldEmail, newEmail);
    AwsUserProfileService crashing = service(List.of(), List.of(new FailOnCall("UpdateItem", 1)));

    assertThatThrownBy(() -> crashing.confirmEmailChange(session, LocalEmulators.CONFIRMATION_CODE))
        .isInstanceOf(ServiceUnavailableException.class);

    assertRerunMakesTheProfileFollow(service, session, oldEmail, newEmail);
  }

  @Test
  void aLostAnswerOfTheVerificationIsRepairedByARerun() {
    String oldEmail = email("old-lost");
    String newEmail = email("new-lost");
    AwsUserProfileService service = healthy();
    AuthSession session = pendingChange(service, oldEmail, newEmail);
    AwsUserProfileService crashing = service(List.of(FailOnCall.afterAnswer("VerifyUserAttribute", 1)), List.of());

    assertThatThrownBy(() -> crashing.confirmEmailChange(session, LocalEmulators.CONFIRMATION_CODE))
        .isInstanceOf(ServiceUnavailableException.class);

    assertRerunMakesTheProfileFollow(service, session, oldEmail, newEmail);
  }

  @Test
  void aConfirmationThatFailsBeforeCognitoChangesNothingAndTheCodeStillWorks() {
    String oldEmail = email("old-unsent");
    String newEmail = email("new-unsent");
    AwsUserProfileService service = healthy();
    AuthSession session = pendingChange(service, oldEmail, newEmail);
    AwsUserProfileService crashing = service(List.of(new FailOnCall("VerifyUserAttribute", 1)), List.of());

    assertThatThrownBy(() -> crashing.confirmEmailChange(session, LocalEmulators.CONFIRMATION_CODE))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(cognitoEmail(session.user().userId())).isEqualTo(oldEmail);
    assertThat(service.admin().findStoredProfile(session.user().userId()).orElseThrow().email()).contains(oldEmail);

    service.confirmEmailChange(session, LocalEmulators.CONFIRMATION_CODE);
    assertThat(cognitoEmail(session.user().userId())).isEqualTo(newEmail);
    assertThat(service.admin().findStoredProfile(session.user().userId()).orElseThrow().email()).contains(newEmail);
  }
}
