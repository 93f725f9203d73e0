package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.dynamodb.internal.ConditionFailureItems;
import dev.profilekit.aws.emulators.OriginJtiAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code verifyAndGetProfile} and {@code verifyAndUpdateProfile} cost exactly one DynamoDB request,
 * revocation check included, with the revocation cache cold or warm, counted request by request.
 * The service's client carries {@link ConditionFailureItems}, which gives a failed condition the
 * stored item AWS returns with it (dynalite returns none) from an uncounted client, so the counts
 * are AWS's. A second service instance on the same table ("the other node") writes revocations
 * this node's cache has not seen.
 */
@WithEmulators
class AuthenticatedCallRequestCountIT {

  private static final String PASSWORD = "Count-Pa55word!";

  private final RequestCounter dynamoRequests = new RequestCounter();
  private final RequestCounter cognitoRequests = new RequestCounter();
  private final EmulatorEnvironment env;
  private final AwsUserProfileService otherNode;

  AuthenticatedCallRequestCountIT(EmulatorEnvironment env) {
    this.env = env;
    this.otherNode = builder().dynamoDb(env.dynamoDb()).cognito(cognito()).build();
  }

  /** cognito-local's tokens lack origin_jti, by which a session is signed out: the contract's stand-in adds it. */
  private CognitoIdentityProviderClient cognito(ExecutionInterceptor... counters) {
    ExecutionInterceptor[] all = Arrays.copyOf(counters, counters.length + 1);
    all[counters.length] = new OriginJtiAsAws();
    return env.cognito(all);
  }

  private AwsUserProfileService.Builder builder() {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        // Long enough that a cached answer cannot expire while a test runs on a loaded machine.
        .revocationStaleness(Duration.ofMinutes(30));
  }

  /** A fresh node: its revocation cache is cold. */
  private AwsUserProfileService countedNode() {
    return builder()
        .dynamoDb(env.dynamoDb(dynamoRequests, new ConditionFailureItems(env.dynamoDb())))
        .cognito(cognito(cognitoRequests))
        .build();
  }

  private AuthSession signedIn() {
    String email = "one-call+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Ada", "family_name", "Lovelace"));
    return otherNode.signIn(email, PASSWORD).sessionOrThrow();
  }

  private void reset() {
    dynamoRequests.reset();
    cognitoRequests.reset();
  }

  @BeforeEach
  void clean() {
    reset();
  }

  private static void assertRejected(Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void readingAStoredProfileIsOneGetItemWithTheCacheColdAndWarmWhereVerifyThenGetProfileIsTwoCold() {
    AuthSession session = signedIn();
    UserProfile stored = otherNode.updateProfile(session.user(), ProfileUpdate.builder().displayName("Stored").build());
    AwsUserProfileService node = countedNode();

    assertThat(node.verifyAndGetProfile(session.idToken())).isEqualTo(stored);
    assertThat(dynamoRequests.operations()).as("cold cache").containsExactly("GetItem");
    reset();
    assertThat(node.verifyAndGetProfile(session.accessToken())).isEqualTo(stored);
    assertThat(dynamoRequests.operations()).as("warm cache").containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();

    AwsUserProfileService twoCalls = countedNode();
    reset();
    assertThat(twoCalls.getProfile(twoCalls.verify(session.idToken()))).isEqualTo(stored);
    assertThat(dynamoRequests.operations()).as("verify then getProfile, cold cache").containsExactly("GetItem", "GetItem");
  }

  @Test
  void updatingAStoredProfileIsOneUpdateItemWithTheCacheColdAndWarm() {
    AuthSession session = signedIn();
    UserProfile stored = otherNode.updateProfile(session.user(), ProfileUpdate.builder().displayName("Stored").build());
    AwsUserProfileService node = countedNode();

    UserProfile second = node.verifyAndUpdateProfile(session.idToken(),
        ProfileUpdate.builder().expectedVersion(stored.version()).displayName("Second").build());
    assertThat(dynamoRequests.operations()).as("cold cache").containsExactly("UpdateItem");
    node.verify(session.idToken());
    reset();
    UserProfile third = node.verifyAndUpdateProfile(session.accessToken(), ProfileUpdate.builder().displayName("Third").build());

    assertThat(dynamoRequests.operations()).as("warm cache").containsExactly("UpdateItem");
    assertThat(cognitoRequests.operations()).isEmpty();
    assertThat(second.version()).isEqualTo(2);
    assertThat(third.version()).isEqualTo(3);
    assertThat(third.displayName()).contains("Third");
  }

  @Test
  void aStaleVersionIsAConflictWithTheStoredVersionInOneUpdateItem() {
    AuthSession session = signedIn();
    otherNode.updateProfile(session.user(), ProfileUpdate.builder().displayName("One").build());
    otherNode.updateProfile(session.user(), ProfileUpdate.builder().displayName("Two").build());
    AwsUserProfileService node = countedNode();

    assertThatThrownBy(() -> node.verifyAndUpdateProfile(session.idToken(),
        ProfileUpdate.builder().expectedVersion(1L).displayName("Stale").build()))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).hasValue(2));
    assertThat(dynamoRequests.operations()).containsExactly("UpdateItem");
  }

  @Test
  void aSessionSignedOutOnAnotherNodeIsRevokedInOneRequestThoughThisNodesCacheSaysOtherwise() {
    AuthSession session = signedIn();
    UserProfile stored = otherNode.updateProfile(session.user(), ProfileUpdate.builder().displayName("Stored").build());
    AwsUserProfileService node = countedNode();
    node.verify(session.accessToken());
    otherNode.signOut(session);
    reset();

    // Within the staleness bound this node's verify() still accepts the token, from its cache:
    assertThat(node.verify(session.accessToken()).userId()).isEqualTo(session.user().userId());
    assertThat(dynamoRequests.operations()).isEmpty();
    // the one-request calls judge by the item they read or write, which the sign-out changed.
    assertRejected(Reason.REVOKED, () -> node.verifyAndGetProfile(session.accessToken()));
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    reset();
    assertRejected(Reason.REVOKED, () -> node.verifyAndUpdateProfile(session.idToken(),
        ProfileUpdate.builder().displayName("Lost").build()));
    assertThat(dynamoRequests.operations()).as("the write's condition refused it").containsExactly("UpdateItem");
    reset();
    assertRejected(Reason.REVOKED, () -> node.verifyAndUpdateProfile(session.idToken(),
        ProfileUpdate.builder().expectedVersion(9L).displayName("Lost").build()));
    assertThat(dynamoRequests.operations()).as("revoked, not a version conflict").containsExactly("UpdateItem");
    assertThat(otherNode.admin().getProfile(session.user().userId())).isEqualTo(stored);
  }

  @Test
  void aBadTokenCostsNoRequest() {
    AuthSession session = signedIn();
    String tampered = session.idToken().substring(0, session.idToken().lastIndexOf('.') + 1) + "AAAA";
    AwsUserProfileService node = countedNode();

    assertThatThrownBy(() -> node.verifyAndGetProfile(tampered)).isInstanceOf(TokenRejectedException.class);
    assertThatThrownBy(() -> node.verifyAndUpdateProfile(tampered, ProfileUpdate.builder().displayName("X").build()))
        .isInstanceOf(TokenRejectedException.class);
    assertRejected(Reason.MALFORMED, () -> node.verifyAndGetProfile("not.a-jwt"));

    assertThat(dynamoRequests.operations()).isEmpty();
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void withoutAStoredProfileTheFallbackIsOneGetItemFromAnIdTokenAndOneAdminGetUserMoreFromAnAccessToken() {
    AuthSession session = signedIn();
    AwsUserProfileService node = countedNode();

    UserProfile fromId = node.verifyAndGetProfile(session.idToken());
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();
    reset();
    UserProfile fromAccess = node.verifyAndGetProfile(session.accessToken());

    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).containsExactly("AdminGetUser");
    assertThat(fromId.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(fromId.givenName()).contains("Ada");
    assertThat(fromAccess.familyName()).contains("Lovelace");
  }

  @Test
  void aFirstWriteIsOneUpdateItemExpectingVersionZeroElseTwo() {
    AuthSession session = signedIn();
    AuthSession other = signedIn();
    AwsUserProfileService node = countedNode();

    UserProfile created = node.verifyAndUpdateProfile(session.idToken(), ProfileUpdate.builder().expectedVersion(0L).displayName("First").build());
    assertThat(dynamoRequests.operations()).containsExactly("UpdateItem");
    reset();
    UserProfile patched = node.verifyAndUpdateProfile(other.idToken(), ProfileUpdate.builder().displayName("First").build());

    assertThat(dynamoRequests.operations()).as("the patch finds no profile, then the create").containsExactly("UpdateItem", "UpdateItem");
    assertThat(cognitoRequests.operations()).isEmpty();
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.givenName()).contains("Ada");
    assertThat(patched.version()).isEqualTo(1);
  }
}
