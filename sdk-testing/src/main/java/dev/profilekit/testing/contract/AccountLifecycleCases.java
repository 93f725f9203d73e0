package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: the account's life after sign-up — deleting it (by the user or an
 * administrator) and conditional profile deletes. See {@code docs/account-lifecycle.md}.
 */
public interface AccountLifecycleCases extends ContractHarness {

  /**
   * Signs a new user up and in, and stores a profile for them.
   *
   * @param email the email
   * @return the session
   */
  private AuthSession withStoredProfile(String email) {
    AuthSession session = signUpAndSignIn(email);
    service().updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada L.").build());
    return session;
  }

  private void assertAccountGone(AuthSession session, String email) {
    String userId = session.user().userId();
    for (String token : new String[] {session.idToken(), session.accessToken()}) {
      assertThat(thrown(TokenRejectedException.class, () -> service().verify(token)).reason())
          .as("an old token of the deleted account").isEqualTo(TokenRejectedException.Reason.REVOKED);
    }
    assertThat(thrown(TokenRejectedException.class, () -> service().getProfile(session.user())).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    thrown(InvalidCredentialsException.class, () -> service().signIn(email, PASSWORD));
    assertThat(service().admin().findStoredProfile(userId)).as("stored profile").isEmpty();
    // A request verified before the deletion cannot bring the profile back.
    thrown(UserNotFoundException.class, () -> service().updateProfile(session.user(), ProfileUpdate.builder().displayName("Back").build()));
    thrown(ProfileNotFoundException.class, () -> service().admin().getProfile(userId));
    assertThat(service().admin().findStoredProfile(userId)).as("stored profile after the late update").isEmpty();
    assertThat(service().admin().streamProfiles().map(UserProfile::userId)).doesNotContain(userId);
  }

  @Test
  default void deleteAccountRemovesTheUserAndTheirProfileAndRejectsEveryOldToken() {
    String email = uniqueEmail("delete-me");
    AuthSession session = withStoredProfile(email);

    service().deleteAccount(session);

    assertAccountGone(session, email);
  }

  @Test
  default void deleteAccountWorksForAUserWhoNeverStoredAProfile() {
    String email = uniqueEmail("delete-fresh");
    AuthSession session = signUpAndSignIn(email);

    service().deleteAccount(session);

    assertAccountGone(session, email);
  }

  @Test
  default void aDeletedAccountsSessionCannotDeleteAgainOrRefresh() {
    AuthSession session = withStoredProfile(uniqueEmail("delete-twice"));
    service().deleteAccount(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().deleteAccount(session)).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    thrown(TokenRejectedException.class, () -> service().refresh(session));
  }

  @Test
  default void deleteAccountWithAnIdTokenInPlaceOfTheAccessTokenDeletesNothing() {
    String email = uniqueEmail("delete-id-token");
    AuthSession session = withStoredProfile(email);
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    assertThat(thrown(TokenRejectedException.class, () -> service().deleteAccount(idTokenInstead)).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);

    assertThat(service().admin().findStoredProfile(session.user().userId())).as("stored profile").isPresent();
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
  }

  @Test
  default void deleteAccountNeedsASession() {
    assertThat(thrown(InvalidRequestException.class, () -> service().deleteAccount(null)).field()).isEqualTo("session");
  }

  @Test
  default void anAdminDeletesAUserAndARepeatedDeletionChangesNothing() {
    String email = uniqueEmail("admin-deletes");
    AuthSession session = withStoredProfile(email);

    service().admin().deleteUser(session.user().userId());
    service().admin().deleteUser(session.user().userId());

    assertAccountGone(session, email);
  }

  @Test
  default void deletingOneAccountLeavesOtherUsersAlone() {
    AuthSession deleted = withStoredProfile(uniqueEmail("gone"));
    AuthSession kept = withStoredProfile(uniqueEmail("kept"));

    service().deleteAccount(deleted);

    assertThat(service().verify(kept.idToken()).userId()).isEqualTo(kept.user().userId());
    assertThat(service().getProfile(kept.user()).displayName()).contains("Ada L.");
  }

  @Test
  default void aProfileDeleteAtAStaleVersionChangesNothingAndReportsTheStoredVersion() {
    AuthSession session = withStoredProfile(uniqueEmail("stale-delete"));
    UserProfile second = service().updateProfile(session.user(), ProfileUpdate.builder().displayName("Second").build());

    VersionConflictException conflict = thrown(VersionConflictException.class,
        () -> service().deleteProfile(session.user(), second.version() - 1));

    assertThat(conflict.expectedVersion()).isEqualTo(second.version() - 1);
    assertThat(conflict.actualVersion()).hasValue(second.version());
    assertThat(service().admin().findStoredProfile(session.user().userId())).contains(second);
  }

  @Test
  default void aProfileDeleteAtTheStoredVersionDeletesOnlyTheProfile() {
    AuthSession session = withStoredProfile(uniqueEmail("versioned-delete"));
    UserProfile stored = service().admin().findStoredProfile(session.user().userId()).orElseThrow();

    service().admin().deleteProfile(session.user().userId(), stored.version());

    assertThat(service().admin().findStoredProfile(session.user().userId())).isEmpty();
    assertThat(service().verify(session.idToken()).userId()).as("the account stays").isEqualTo(session.user().userId());
    VersionConflictException again = thrown(VersionConflictException.class,
        () -> service().deleteProfile(session.user(), stored.version()));
    assertThat(again.actualVersion()).as("no profile stored").hasValue(0);
  }

  @Test
  default void aProfileDeleteExpectingVersionZeroIsRefusedBeforeAnyChange() {
    AuthSession session = withStoredProfile(uniqueEmail("version-zero"));

    assertThat(thrown(InvalidRequestException.class, () -> service().deleteProfile(session.user(), 0)).field())
        .isEqualTo("expectedVersion");
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().deleteProfile(session.user().userId(), -1)).field())
        .isEqualTo("expectedVersion");
    assertThat(service().admin().findStoredProfile(session.user().userId())).isPresent();
  }
}
