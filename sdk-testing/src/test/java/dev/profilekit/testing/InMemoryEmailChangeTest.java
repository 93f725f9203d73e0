package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.EmailInUseException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignUpRequest;
import dev.profilekit.testing.internal.UserDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fake's email change where the contract cannot reach on the emulators: the code's lifetime
 * (Cognito's attribute verification codes last 24 hours; cognito-local's never expire) and an
 * email taken by someone else while the change waited for its code (AWS: {@code
 * AliasExistsException} from {@code VerifyUserAttribute}).
 */
class InMemoryEmailChangeTest {

  private static final String PASSWORD = "Change-Pa55word!";

  private final TestClock clock = TestClock.startingNow();
  private final InMemoryUserProfileService fake = InMemoryUserProfileService.builder().clock(clock).build();

  private AuthSession user(String email) {
    fake.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    fake.confirmSignUp(email, fake.lastConfirmationCode(email).orElseThrow());
    AuthSession session = fake.signIn(email, PASSWORD).sessionOrThrow();
    fake.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    return session;
  }

  @Test
  void aCodeOlderThanADayIsRefusedAndNothingChanges() {
    AuthSession session = user("old@example.com");
    fake.requestEmailChange(session, "new@example.com");
    String code = fake.lastEmailChangeCode("new@example.com").orElseThrow();

    clock.advance(UserDirectory.EMAIL_CHANGE_CODE_LIFETIME.minus(Duration.ofSeconds(1)));
    AuthSession fresh = fake.signIn("old@example.com", PASSWORD).sessionOrThrow();
    clock.advance(Duration.ofSeconds(1));

    assertThatThrownBy(() -> fake.confirmEmailChange(fresh, code)).isInstanceOf(InvalidCodeException.class);
    assertThat(fake.admin().findStoredProfile(session.user().userId()).orElseThrow().email()).contains("old@example.com");
    assertThat(fake.signIn("old@example.com", PASSWORD).sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  void anEmailTakenWhileTheChangeWaitedIsRefusedAtConfirmation() {
    AuthSession session = user("mover@example.com");
    fake.requestEmailChange(session, "wanted@example.com");
    user("wanted@example.com");

    assertThatThrownBy(() -> fake.confirmEmailChange(session, fake.lastEmailChangeCode("wanted@example.com").orElseThrow()))
        .isInstanceOf(EmailInUseException.class);

    assertThat(fake.admin().findStoredProfile(session.user().userId()).orElseThrow().email()).contains("mover@example.com");
    assertThat(fake.signIn("mover@example.com", PASSWORD).sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  void aConfirmedChangeCannotBeConfirmedAgain() {
    AuthSession session = user("once@example.com");
    fake.requestEmailChange(session, "twice@example.com");
    String code = fake.lastEmailChangeCode("twice@example.com").orElseThrow();
    fake.confirmEmailChange(session, code);
    long version = fake.admin().findStoredProfile(session.user().userId()).orElseThrow().version();

    assertThatThrownBy(() -> fake.confirmEmailChange(session, code)).isInstanceOf(InvalidCodeException.class);

    assertThat(fake.admin().findStoredProfile(session.user().userId()).orElseThrow().version()).isEqualTo(version);
    assertThatThrownBy(() -> fake.signIn("once@example.com", PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
  }
}
