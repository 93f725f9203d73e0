package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AccountExport;
import dev.profilekit.AuthSession;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.CognitoLocalParity;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.JsonText;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/**
 * The account export on cognito-local and dynalite, beyond the contract ({@code
 * AccountExportCases}): what only Cognito can refuse, a user deleted from the pool by someone
 * else, and the calls each export costs.
 *
 * <p>cognito-local's {@code GetUser} only decodes the access token (no signature, expiry or
 * revocation check; {@link #onRawCognitoLocalGetUserAnswersATokenItCannotHaveIssued()} shows it),
 * while AWS refuses a revoked one with {@code NotAuthorizedException}. {@link GlobalSignOutAsAws}
 * plays AWS's refusal after a global sign-out; see {@code docs/emulators.md}.
 */
@WithEmulators
class AccountExportIT {

  private static final String PASSWORD = "Export-Pa55word!";

  private final EmulatorEnvironment env;

  AccountExportIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(CognitoIdentityProviderClient cognito, RequestCounter dynamoRequests, boolean revocationChecks) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito)
        .dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .revocationChecks(revocationChecks)
        .build();
  }

  private AuthSession userWithProfile(AwsUserProfileService service) {
    String email = "export+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    service.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    return session;
  }

  @Test
  void aTokenCognitoRevokedWithoutProfileKitKnowingExportsNothing() {
    AwsAnswers aws = new GlobalSignOutAsAws(Clock.systemUTC()).addTo(new AwsAnswers());
    CognitoIdentityProviderClient cognito = env.cognito(new CognitoLocalParity(), aws);
    AwsUserProfileService service = service(cognito, new RequestCounter(), true);
    AuthSession session = userWithProfile(service);

    // Another tool signs the user out in Cognito: ProfileKit's table has no record of it.
    cognito.globalSignOut(b -> b.accessToken(session.accessToken()));

    assertThat(service.verify(session.accessToken()).userId()).as("locally the token still verifies").isEqualTo(session.user().userId());
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.exportAccount(session)).reason())
        .as("Cognito's GetUser refuses it, as AWS does").isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(service.admin().exportUser(session.user().userId()).hasStoredProfile()).as("the administrator still exports").isTrue();
  }

  @Test
  void onRawCognitoLocalGetUserAnswersATokenItCannotHaveIssued() {
    AwsUserProfileService service = service(env.cognito(), new RequestCounter(), true);
    AuthSession session = userWithProfile(service);
    String[] parts = session.accessToken().split("\\.");
    char[] signature = parts[2].toCharArray();
    int middle = signature.length / 2;
    signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
    String forged = parts[0] + "." + parts[1] + "." + new String(signature);

    // AWS answers NotAuthorizedException ("Invalid Access Token"); cognito-local only decodes the payload.
    GetUserResponse answer = env.cognito().getUser(b -> b.accessToken(forged));

    assertThat(answer.username()).isNotBlank();
    assertThat(catchThrowableOfType(TokenRejectedException.class,
        () -> service.exportAccount(AuthSession.builder().from(session).accessToken(forged).build())).reason())
        .as("ProfileKit verifies the token before any call").isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE);
  }

  @Test
  void aUserDeletedFromThePoolByAnotherToolIsNotFoundEitherWayAndTheirRowIsLeftToTheReconcileJob() {
    AwsUserProfileService service = service(env.cognito(new CognitoLocalParity()), new RequestCounter(), true);
    AuthSession session = userWithProfile(service);
    String userId = session.user().userId();

    env.cognito().adminDeleteUser(b -> b.userPoolId(env.userPoolId()).username(userId));

    // AWS answers GetUser of a deleted user's token UserNotFoundException ("User does not exist."), as cognito-local does.
    assertThat(catchThrowableOfType(UserNotFoundException.class, () -> service.exportAccount(session))).isNotNull();
    assertThat(catchThrowableOfType(UserNotFoundException.class, () -> service.admin().exportUser(userId))).isNotNull();
    assertThat(service.admin().findStoredProfile(userId)).as("an export deletes nothing").isPresent();
  }

  @Test
  void theUsersExportIsOneGetUserAndOneGetItem() {
    RequestCounter cognitoRequests = new RequestCounter();
    RequestCounter dynamoRequests = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(new CognitoLocalParity(), cognitoRequests), dynamoRequests, false);
    AuthSession session = userWithProfile(service);
    cognitoRequests.reset();
    dynamoRequests.reset();

    AccountExport export = service.exportAccount(session);

    assertThat(cognitoRequests.operations()).containsExactly("GetUser");
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(JsonText.parse(export.json())).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("scope", "self");
  }

  @Test
  void anAdministratorsExportIsAdminGetUserItsGroupsAndOneGetItem() {
    RequestCounter cognitoRequests = new RequestCounter();
    RequestCounter dynamoRequests = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(new CognitoLocalParity(), cognitoRequests), dynamoRequests, false);
    AuthSession session = userWithProfile(service);
    cognitoRequests.reset();
    dynamoRequests.reset();

    AccountExport export = service.admin().exportUser(session.user().userId());

    assertThat(cognitoRequests.operations()).containsExactly("AdminGetUser", "AdminListGroupsForUser");
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(export.hasStoredProfile()).isTrue();
  }
}
