package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: one call per authenticated request, {@link
 * dev.profilekit.UserProfileService#verifyAndGetProfile(String)} and {@link
 * dev.profilekit.UserProfileService#verifyAndUpdateProfile(String, ProfileUpdate)}, which must
 * answer exactly as {@code verify} followed by {@code getProfile} or {@code updateProfile} would.
 */
public interface AuthenticatedCallCases extends ContractHarness {

  @Test
  default void verifyAndGetProfileReturnsTheFallbackThenTheStoredProfileForIdAndAccessTokens() {
    AuthSession session = signUpAndSignIn(uniqueEmail("verify-get"));

    UserProfile fallback = service().verifyAndGetProfile(session.idToken());
    UserProfile fallbackFromAccess = service().verifyAndGetProfile(session.accessToken());
    UserProfile stored = service().updateProfile(session.user(), ProfileUpdate.builder().displayName("Stored").build());

    assertThat(fallback.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(fallback.userId()).isEqualTo(session.user().userId());
    assertThat(fallback.givenName()).contains(GIVEN_NAME);
    // An access token carries no attributes: the fallback comes from the identity's attributes.
    assertThat(fallbackFromAccess.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(fallbackFromAccess.familyName()).contains(FAMILY_NAME);
    assertThat(service().verifyAndGetProfile(session.idToken())).isEqualTo(stored);
    assertThat(service().verifyAndGetProfile(session.accessToken())).isEqualTo(stored);
  }

  @Test
  default void verifyAndUpdateProfileWritesThePatchAndAStaleVersionIsAConflictThatChangesNothing() {
    AuthSession session = signUpAndSignIn(uniqueEmail("verify-update"));

    UserProfile first = service().verifyAndUpdateProfile(session.idToken(), ProfileUpdate.builder().displayName("One").build());
    UserProfile second = service().verifyAndUpdateProfile(session.accessToken(),
        ProfileUpdate.builder().expectedVersion(first.version()).displayName("Two").build());
    VersionConflictException conflict = thrown(VersionConflictException.class, () -> service().verifyAndUpdateProfile(
        session.idToken(), ProfileUpdate.builder().expectedVersion(first.version()).displayName("Stale").build()));

    assertThat(first.version()).isEqualTo(1);
    assertThat(first.givenName()).contains(GIVEN_NAME);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.displayName()).contains("Two");
    assertThat(conflict.userId()).isEqualTo(session.user().userId());
    assertThat(conflict.expectedVersion()).isEqualTo(1);
    assertThat(conflict.actualVersion()).hasValue(2);
    assertThat(service().getProfile(session.user())).isEqualTo(second);
  }

  @Test
  default void aSignedOutSessionIsRevokedForBothCallsAndWritesNothingEvenWithAStaleVersion() {
    String email = uniqueEmail("verify-revoked");
    AuthSession laptop = signUpAndSignIn(email);
    AuthSession phone = service().signIn(email, PASSWORD).sessionOrThrow();
    UserProfile stored = service().verifyAndUpdateProfile(phone.accessToken(), ProfileUpdate.builder().displayName("Kept").build());

    service().signOut(laptop);

    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndGetProfile(laptop.accessToken())).reason())
        .isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndGetProfile(laptop.idToken())).reason())
        .isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(laptop.idToken(),
        ProfileUpdate.builder().displayName("Lost").build())).reason()).isEqualTo(Reason.REVOKED);
    // Revoked and stale at once: the token is refused first, not reported as a version conflict.
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(laptop.accessToken(),
        ProfileUpdate.builder().expectedVersion(7L).displayName("Lost").build())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(service().verifyAndGetProfile(phone.accessToken())).isEqualTo(stored);
  }

  @Test
  default void afterSignOutEverywhereBothCallsRejectTheOldTokensAndAFirstWriteStoresNothing() {
    AuthSession session = signUpAndSignIn(uniqueEmail("verify-everywhere"));

    service().signOutEverywhere(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndGetProfile(session.idToken())).reason())
        .isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(session.accessToken(),
        ProfileUpdate.builder().displayName("Lost").build())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(session.idToken(),
        ProfileUpdate.builder().expectedVersion(0L).displayName("Lost").build())).reason()).isEqualTo(Reason.REVOKED);
    assertThat(service().admin().getProfile(session.user().userId()).source()).isEqualTo(ProfileSource.FALLBACK);
  }

  @Test
  default void aBadTokenIsRejectedWithItsReasonAndNothingIsWritten() {
    AuthSession victim = signUpAndSignIn(uniqueEmail("verify-victim"));
    AuthSession attacker = signUpAndSignIn(uniqueEmail("verify-attacker"));
    String[] signed = attacker.idToken().split("\\.");
    String forged = signed[0] + "." + victim.idToken().split("\\.")[1] + "." + signed[2];

    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndGetProfile(forged)).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(forged,
        ProfileUpdate.builder().displayName("Owned").build())).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile("not.a-jwt",
        ProfileUpdate.builder().displayName("Owned").build())).reason()).isEqualTo(Reason.MALFORMED);
    // A bad token with a bad patch: the token is judged first.
    assertThat(thrown(TokenRejectedException.class, () -> service().verifyAndUpdateProfile(forged, null)).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(thrown(InvalidRequestException.class, () -> service().verifyAndUpdateProfile(victim.idToken(), null)).field())
        .isEqualTo("update");
    assertThat(service().getProfile(victim.user()).source()).isEqualTo(ProfileSource.FALLBACK);
  }
}
