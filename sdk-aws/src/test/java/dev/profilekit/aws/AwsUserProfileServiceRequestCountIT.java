package dev.profilekit.aws;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cost claims of {@link dev.profilekit.UserProfileService}, counted request by request. */
@WithEmulators
class AwsUserProfileServiceRequestCountIT {

  private static final String PASSWORD = "Count-Pa55word!";

  private final RequestCounter dynamoRequests = new RequestCounter();
  private final RequestCounter cognitoRequests = new RequestCounter();
  private final EmulatorEnvironment env;
  private final AwsUserProfileService service;

  AwsUserProfileServiceRequestCountIT(EmulatorEnvironment env) {
    this.env = env;
    this.service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognitoRequests))
        .dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .jwksUri(env.jwksUri())
        // Counted separately below: with revocation checks, verify() reads the table once.
        .revocationChecks(false)
        .build();
  }

  private AuthSession signedInUser() {
    String email = "count+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Ada", "family_name", "Lovelace"));
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    reset();
    return session;
  }

  private void reset() {
    dynamoRequests.reset();
    cognitoRequests.reset();
  }

  @BeforeEach
  void clean() {
    reset();
  }

  @Test
  void readingAStoredProfileIsOneGetItemAndNoCognitoCall() {
    VerifiedUser user = signedInUser().user();
    service.updateProfile(user, ProfileUpdate.builder().displayName("Stored").build());
    reset();

    UserProfile profile = service.getProfile(user);

    assertThat(profile.isStored()).isTrue();
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void updatingAStoredProfileIsOneUpdateItemAndNoCognitoCall() {
    VerifiedUser user = signedInUser().user();
    UserProfile stored = service.updateProfile(user, ProfileUpdate.builder().displayName("Stored").build());
    reset();

    service.updateProfile(user, ProfileUpdate.builder().expectedVersion(stored.version())
        .set(ProfileField.LOCALE, "en-GB").customField("score", FieldValue.of(3)).build());

    assertThat(dynamoRequests.operations()).containsExactly("UpdateItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void theFallbackFromIdTokenClaimsIsOneGetItemAndNoCognitoCall() {
    VerifiedUser user = signedInUser().user();

    UserProfile profile = service.getProfile(user);

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.givenName()).contains("Ada");
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void theFallbackOfAnAccessTokenUserCostsOneCognitoLookup() {
    VerifiedUser fromAccessToken = service.verify(signedInUser().accessToken());
    reset();

    UserProfile profile = service.getProfile(fromAccessToken);

    assertThat(profile.givenName()).contains("Ada");
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).containsExactly("AdminGetUser");
  }

  @Test
  void aFirstWriteExpectingVersionZeroFromIdTokenClaimsIsOneUpdateItem() {
    VerifiedUser user = signedInUser().user();

    UserProfile created = service.updateProfile(user, ProfileUpdate.builder().expectedVersion(0L).displayName("First").build());

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.givenName()).contains("Ada");
    assertThat(dynamoRequests.operations()).containsExactly("UpdateItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void verifyingWithCachedKeysCostsNoRequestWithoutRevocationChecks() {
    AuthSession session = signedInUser();

    service.verify(session.idToken());
    service.verify(session.accessToken());

    assertThat(dynamoRequests.operations()).isEmpty();
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void verifyingWithRevocationChecksReadsTheTableOncePerStalenessBound() {
    AuthSession session = signedInUser();
    TestClock clock = TestClock.ticking();
    AwsUserProfileService checking = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognitoRequests)).dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .clock(clock)
        .revocationStaleness(Duration.ofSeconds(5))
        .build();
    checking.verify(session.idToken());
    assertThat(dynamoRequests.operations()).containsExactly("GetItem");
    reset();

    checking.verify(session.idToken());
    checking.verify(session.accessToken());
    assertThat(dynamoRequests.operations()).as("within the bound").isEmpty();

    clock.advance(Duration.ofSeconds(5));
    checking.verify(session.idToken());
    assertThat(dynamoRequests.operations()).as("after the bound").containsExactly("GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void withZeroStalenessEveryVerifyIsOneGetItem() {
    AuthSession session = signedInUser();
    AwsUserProfileService checking = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognitoRequests)).dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .revocationStaleness(Duration.ZERO)
        .build();
    checking.verify(session.idToken());
    reset();

    checking.verify(session.idToken());
    checking.verify(session.idToken());

    assertThat(dynamoRequests.operations()).containsExactly("GetItem", "GetItem");
  }

  @Test
  void withWriteThroughTheFirstReadStoresTheFallbackOnceAndLaterReadsAreStored() {
    VerifiedUser user = signedInUser().user();
    AwsUserProfileService writeThrough = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognitoRequests)).dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri()).revocationChecks(false)
        .writeFallbackOnRead(true)
        .build();

    UserProfile first = writeThrough.getProfile(user);
    UserProfile second = writeThrough.getProfile(user);

    assertThat(first.isStored()).isTrue();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.givenName()).contains("Ada");
    assertThat(second).isEqualTo(first);
    assertThat(dynamoRequests.operations()).containsExactly("GetItem", "UpdateItem", "GetItem");
    assertThat(cognitoRequests.operations()).isEmpty();
  }

  @Test
  void invalidInputIsRejectedBeforeAnyRequest() {
    VerifiedUser user = signedInUser().user();

    assertThatThrownBy(() -> service.signIn("not an email", PASSWORD)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.signIn("a@example.com", "")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.signUp(SignUpRequest.builder().email("nope").password(PASSWORD).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.signUp(SignUpRequest.builder().email("a@example.com").password("short").build()))
        .isInstanceOf(ProfileKitException.class);
    assertThatThrownBy(() -> service.confirmSignUp("a@example.com", "12 34")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.updateProfile(user, ProfileUpdate.builder().set(ProfileField.ZONEINFO, "Mars/Base").build()))
        .isInstanceOf(InvalidProfileException.class);
    assertThatThrownBy(() -> service.admin().getProfile("has spaces")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.admin().listProfiles(10, "%%%")).isInstanceOf(InvalidRequestException.class);

    assertThat(dynamoRequests.operations()).isEmpty();
    assertThat(cognitoRequests.operations()).isEmpty();
  }
}
