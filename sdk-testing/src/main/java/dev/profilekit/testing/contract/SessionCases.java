package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract cases: token verification, refresh, sign-out and sign-out everywhere. */
public interface SessionCases extends ContractHarness {


  @Test
  default void verifyAcceptsAFreshIdToken() {
    String email = uniqueEmail("verify-id");
    AuthSession session = signUpAndSignIn(email);

    VerifiedUser user = service().verify(session.idToken());

    assertThat(user.userId()).isEqualTo(session.user().userId());
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ID);
    assertThat(user.email()).contains(email);
    assertThat(user.emailVerified()).isTrue();
    assertThat(user.clientId()).isNotBlank();
    assertThat(user.issuer()).isNotBlank();
    assertThat(user.expiresAt()).isAfter(user.issuedAt());
    assertThat(user.attributes()).containsEntry("given_name", GIVEN_NAME).containsEntry("family_name", FAMILY_NAME);
  }

  @Test
  default void verifyAcceptsAFreshAccessTokenOfTheSameUser() {
    AuthSession session = signUpAndSignIn(uniqueEmail("verify-access"));

    VerifiedUser user = service().verify(session.accessToken());

    assertThat(user.userId()).isEqualTo(session.user().userId());
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ACCESS);
    assertThat(user.attributes()).isEmpty();
    assertThat(user.clientId()).isEqualTo(session.user().clientId());
  }

  @Test
  default void verifyBearerAcceptsAnAuthorizationHeaderAndRefusesAMalformedOneBeforeVerifying() {
    AuthSession session = signUpAndSignIn(uniqueEmail("verify-bearer"));

    assertThat(service().verifyBearer("bearer " + session.accessToken()).userId()).isEqualTo(session.user().userId());
    assertThatThrownBy(() -> service().verifyBearer("Bearer " + session.accessToken() + " "))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("bearer-syntax"))
        .hasMessageNotContaining(session.accessToken());
    assertThatThrownBy(() -> service().verifyBearer(null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
  }

  @Test
  default void verifyRejectsGarbageAsMalformed() {
    TokenRejectedException rejected = thrown(TokenRejectedException.class, () -> service().verify("not.a-jwt"));
    assertThat(rejected.reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  default void verifyRejectsASignatureMovedOntoAnotherPayloadAsBadSignature() {
    AuthSession victim = signUpAndSignIn(uniqueEmail("victim"));
    AuthSession attacker = signUpAndSignIn(uniqueEmail("attacker"));
    String[] real = attacker.idToken().split("\\.");
    String[] forged = victim.idToken().split("\\.");
    String token = real[0] + "." + forged[1] + "." + real[2];

    TokenRejectedException rejected = thrown(TokenRejectedException.class, () -> service().verify(token));
    assertThat(rejected.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  default void verifyRejectsAnUnsignedToken() {
    AuthSession session = signUpAndSignIn(uniqueEmail("alg-none"));
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String token = header + "." + session.idToken().split("\\.")[1] + ".";

    TokenRejectedException rejected = thrown(TokenRejectedException.class, () -> service().verify(token));
    assertThat(rejected.reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  default void aRejectedTokenNeverAppearsInTheMessage() {
    AuthSession session = signUpAndSignIn(uniqueEmail("no-echo"));
    String tampered = session.idToken().substring(0, session.idToken().length() - 6) + "AAAAAA";

    TokenRejectedException rejected = thrown(TokenRejectedException.class, () -> service().verify(tampered));
    assertThat(String.valueOf(rejected.getMessage())).doesNotContain(tampered).doesNotContain(tampered.split("\\.")[1]);
  }

  @Test
  default void tokensAreRejectedAsExpiredOnceTheirLifetimeHasPassed() {
    AuthSession session = signUpAndSignIn(uniqueEmail("expiring"));
    if (!supports(ContractCapability.CLOCK_CONTROL)) {
      assertThat(service().verify(session.idToken()).userId()).isEqualTo(session.user().userId());
      return;
    }
    // Longer than any Cognito token lifetime (at most 24 hours; cognito-local's are 24 hours).
    advanceClock(service(), Duration.ofHours(25));

    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason()).isEqualTo(Reason.EXPIRED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.accessToken())).reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  default void refreshReturnsNewTokensForTheSameUser() {
    AuthSession session = signUpAndSignIn(uniqueEmail("refresh"));

    AuthSession refreshed = service().refresh(session);

    assertThat(refreshed.user().userId()).isEqualTo(session.user().userId());
    assertThat(service().verify(refreshed.idToken()).userId()).isEqualTo(session.user().userId());
    assertThat(service().verify(refreshed.accessToken()).tokenUse()).isEqualTo(TokenUse.ACCESS);
    assertThat(refreshed.expiresAt()).isAfter(Instant.now().minusSeconds(5));
  }

  @Test
  default void refreshAfterSignOutFailsWithTokenRejected() {
    AuthSession session = signUpAndSignIn(uniqueEmail("signout"));

    service().signOut(session);

    assertThatThrownBy(() -> service().refresh(session)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  default void signOutOfASessionWithoutARefreshTokenIsRefusedAndRevokesNothing() {
    AuthSession session = signUpAndSignIn(uniqueEmail("no-refresh"));
    AuthSession tokensOnly = AuthSession.builder().from(session).refreshToken(Optional.empty()).build();

    InvalidRequestException refused = thrown(InvalidRequestException.class, () -> service().signOut(tokensOnly));

    assertThat(refused.field()).isEqualTo("session.refreshToken");
    assertThat(refused.rule()).isEqualTo("required");
    assertThat(service().refresh(session).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void signOutLeavesOtherSessionsOfTheUserRefreshable() {
    String email = uniqueEmail("two-devices");
    AuthSession laptop = signUpAndSignIn(email);
    AuthSession phone = service().signIn(email, PASSWORD).sessionOrThrow();

    service().signOut(laptop);

    assertThat(service().refresh(phone).user().userId()).isEqualTo(phone.user().userId());
  }

  @Test
  default void signOutRevokesTheSessionsIdAndAccessTokensAtOnce() {
    AuthSession session = signUpAndSignIn(uniqueEmail("signout-tokens"));
    assertThat(service().verify(session.accessToken()).originJti()).as("Cognito's origin_jti").isPresent()
        .isEqualTo(service().verify(session.idToken()).originJti());

    service().signOut(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.accessToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().getProfile(session.user())).reason()).isEqualTo(Reason.REVOKED);
  }

  @Test
  default void signOutRevokesTokensRefreshedFromTheSameSession() {
    AuthSession session = signUpAndSignIn(uniqueEmail("signout-refreshed"));
    AuthSession refreshed = service().refresh(session);

    service().signOut(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().verify(refreshed.accessToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(refreshed.idToken())).reason()).isEqualTo(Reason.REVOKED);
  }

  @Test
  default void signOutLeavesTheTokensOfTheUsersOtherSessionsValid() {
    String email = uniqueEmail("signout-one-of-two");
    AuthSession laptop = signUpAndSignIn(email);
    AuthSession phone = service().signIn(email, PASSWORD).sessionOrThrow();
    UserProfile stored = service().updateProfile(phone.user(), ProfileUpdate.builder().displayName("Phone").build());

    service().signOut(laptop);

    assertThat(service().verify(phone.accessToken()).userId()).isEqualTo(phone.user().userId());
    assertThat(service().getProfile(phone.user())).isEqualTo(stored);
    // The record is not a profile change, and deleting the profile does not undo it.
    assertThat(service().admin().getProfile(phone.user().userId())).isEqualTo(stored);
    service().deleteProfile(phone.user());
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(laptop.idToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(service().verify(phone.idToken()).userId()).isEqualTo(phone.user().userId());
  }

  @Test
  default void signOutEverywhereRevokesEveryEarlierToken() {
    AuthSession session = signUpAndSignIn(uniqueEmail("everywhere"));
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThatThrownBy(() -> service().signOutEverywhere(session)).isInstanceOf(ProfileKitException.class);
      return;
    }
    service().signOutEverywhere(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.accessToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThatThrownBy(() -> service().refresh(session)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  default void adminSignOutEverywhereRevokesTheUsersTokens() {
    AuthSession session = signUpAndSignIn(uniqueEmail("admin-everywhere"));
    String userId = session.user().userId();
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThatThrownBy(() -> service().admin().signOutEverywhere(userId)).isInstanceOf(ProfileKitException.class);
      return;
    }
    service().admin().signOutEverywhere(userId);

    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
    assertThatThrownBy(() -> service().refresh(session)).isInstanceOf(TokenRejectedException.class);
  }

  @Test
  default void aSessionNeverShowsItsTokensInToString() {
    AuthSession session = signUpAndSignIn(uniqueEmail("masked"));

    assertThat(session.toString()).doesNotContain(session.idToken()).doesNotContain(session.accessToken())
        .doesNotContain(session.refreshToken().orElseThrow());
  }

  @Test
  default void signOutEverywhereCreatesNoProfileAndSurvivesAProfileDelete() {
    AuthSession session = signUpAndSignIn(uniqueEmail("revoked-then-deleted"));
    String userId = session.user().userId();
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThat(service().admin().findStoredProfile(userId)).isEmpty();
      return;
    }
    service().signOutEverywhere(session);

    // However an implementation records the sign-out, it is not a profile...
    assertThat(service().admin().findStoredProfile(userId)).isEmpty();
    assertThat(service().admin().getProfile(userId).isStored()).isFalse();
    assertThat(service().admin().streamProfiles().map(UserProfile::userId)).doesNotContain(userId);
    // ...and deleting the profile does not undo it.
    service().admin().deleteProfile(userId);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason()).isEqualTo(Reason.REVOKED);
  }

  @Test
  default void aUserVerifiedBeforeSignOutEverywhereCanNoLongerReadTheProfile() {
    AuthSession session = signUpAndSignIn(uniqueEmail("read-after-everywhere"));
    VerifiedUser before = session.user();
    UserProfile stored = service().updateProfile(before, ProfileUpdate.builder().displayName("Kept").build());
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThat(service().getProfile(before)).isEqualTo(stored);
      return;
    }
    service().signOutEverywhere(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().getProfile(before)).reason()).isEqualTo(Reason.REVOKED);
    // The profile itself is untouched: the admin view still reads it.
    assertThat(service().admin().getProfile(before.userId())).isEqualTo(stored);
  }

  @Test
  default void signOutEverywhereLeavesOtherUsersTokensValid() {
    AuthSession leaving = signUpAndSignIn(uniqueEmail("leaving"));
    AuthSession staying = signUpAndSignIn(uniqueEmail("staying"));
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThat(service().verify(staying.idToken()).userId()).isEqualTo(staying.user().userId());
      return;
    }
    service().signOutEverywhere(leaving);

    assertThat(service().verify(staying.idToken()).userId()).isEqualTo(staying.user().userId());
    assertThat(service().refresh(staying).user().userId()).isEqualTo(staying.user().userId());
  }

  @Test
  default void signingOutEverywhereNeedsTheSessionsOwnAccessToken() {
    AuthSession session = signUpAndSignIn(uniqueEmail("everywhere-id-token"));
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    assertThat(thrown(TokenRejectedException.class, () -> service().signOutEverywhere(idTokenInstead)).reason())
        .isEqualTo(Reason.WRONG_TOKEN_USE);
    assertThat(service().verify(session.idToken()).userId()).isEqualTo(session.user().userId());
    assertThat(service().refresh(session).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void signingOutEverywhereEndsTheTokensOwnerNotTheUserTheSessionNames() {
    AuthSession attacker = signUpAndSignIn(uniqueEmail("everywhere-attacker"));
    AuthSession victim = signUpAndSignIn(uniqueEmail("everywhere-victim"));
    // A session put together by hand: the attacker's tokens, the victim's user.
    AuthSession forged = AuthSession.builder().from(attacker).user(victim.user()).build();
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThat(thrown(ProfileKitException.class, () -> service().signOutEverywhere(forged))).isNotNull();
      assertThat(service().verify(victim.idToken()).userId()).isEqualTo(victim.user().userId());
      return;
    }

    service().signOutEverywhere(forged);

    assertThat(service().verify(victim.idToken()).userId()).isEqualTo(victim.user().userId());
    assertThat(service().getProfile(victim.user()).userId()).isEqualTo(victim.user().userId());
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(attacker.idToken())).reason()).isEqualTo(Reason.REVOKED);
  }
}
