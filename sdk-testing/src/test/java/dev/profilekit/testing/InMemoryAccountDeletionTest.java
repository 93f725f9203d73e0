package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import org.junit.jupiter.api.Test;

/** The fake's account deletion and conditional profile delete, as the AWS implementation does them. */
class InMemoryAccountDeletionTest {

  private final InMemoryUserProfileService fake = InMemoryUserProfileService.create();

  private AuthSession withProfile(String email) {
    SeededUser user = fake.seed(TestUsers.email(email));
    AuthSession session = fake.signIn(email, TestUsers.DEFAULT_PASSWORD).sessionOrThrow();
    fake.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    assertThat(user.userId()).isEqualTo(session.user().userId());
    return session;
  }

  private void assertDeleted(AuthSession session, String email) {
    assertThat(fake.admin().findStoredProfile(session.user().userId())).isEmpty();
    for (String token : new String[] {session.idToken(), session.accessToken()}) {
      assertThat(catchThrowableOfType(TokenRejectedException.class, () -> fake.verify(token)).reason()).isEqualTo(Reason.REVOKED);
    }
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> fake.refresh(session)).reason()).isEqualTo(Reason.REVOKED);
    assertThatThrownBy(() -> fake.signIn(email, TestUsers.DEFAULT_PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> fake.updateProfile(session.user(), ProfileUpdate.builder().displayName("Back").build()))
        .isInstanceOf(UserNotFoundException.class);
    assertThat(fake.admin().findStoredProfile(session.user().userId())).as("nothing brought back").isEmpty();
  }

  @Test
  void deleteAccountRemovesTheUserAndTheProfileAndRejectsEveryToken() {
    AuthSession session = withProfile("ada@example.com");

    fake.deleteAccount(session);

    assertDeleted(session, "ada@example.com");
  }

  @Test
  void adminDeleteUserDoesTheSameAndIsIdempotent() {
    AuthSession session = withProfile("grace@example.com");

    fake.admin().deleteUser(session.user().userId());
    fake.admin().deleteUser(session.user().userId());

    assertDeleted(session, "grace@example.com");
  }

  @Test
  void aStaleVersionDeletesNothingAndReportsTheStoredVersion() {
    AuthSession session = withProfile("linus@example.com");
    UserProfile second = fake.updateProfile(session.user(), ProfileUpdate.builder().displayName("Linus").build());

    VersionConflictException conflict = catchThrowableOfType(VersionConflictException.class,
        () -> fake.deleteProfile(session.user(), second.version() - 1));
    assertThat(conflict.actualVersion()).hasValue(second.version());
    assertThat(fake.admin().findStoredProfile(session.user().userId())).isPresent();

    fake.admin().deleteProfile(session.user().userId(), second.version());
    assertThat(fake.admin().findStoredProfile(session.user().userId())).isEmpty();
    assertThat(catchThrowableOfType(VersionConflictException.class, () -> fake.deleteProfile(session.user(), 1)).actualVersion()).hasValue(0);
    assertThat(catchThrowableOfType(InvalidRequestException.class, () -> fake.deleteProfile(session.user(), 0)).field())
        .isEqualTo("expectedVersion");
  }
}
