package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.EmailInUseException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: changing a user's email without locking them out. The old, verified email
 * keeps signing in (and receiving reset codes) until the new one is confirmed with the code sent
 * to it; the stored profile's email follows Cognito's only then; a wrong code or a taken email
 * changes nothing. See {@code docs/account-lifecycle.md}. Runs when the harness overrides {@link
 * ContractHarness#emailChangeCode}.
 */
public interface EmailChangeCases extends ContractHarness {

  /** The password a case sets through a reset while an email change is pending. */
  String RESET_PASSWORD = "Reset-Pa55word!";

  private AuthSession withStoredProfile(String email) {
    AuthSession session = signUpAndSignIn(email);
    service().updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada L.").build());
    return session;
  }

  private UserProfile stored(AuthSession session) {
    return service().admin().findStoredProfile(session.user().userId()).orElseThrow();
  }

  private static String otherThan(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  default void theOldEmailKeepsSigningInUntilTheNewOneIsConfirmed() {
    String oldEmail = uniqueEmail("old");
    String newEmail = uniqueEmail("new");
    AuthSession session = withStoredProfile(oldEmail);
    UserProfile before = stored(session);

    service().requestEmailChange(session, newEmail);

    assertThat(service().signIn(oldEmail, PASSWORD).sessionOrThrow().user().email()).contains(oldEmail);
    thrown(InvalidCredentialsException.class, () -> service().signIn(newEmail, PASSWORD));
    assertThat(stored(session)).as("the profile waits for Cognito").isEqualTo(before);
    assertThat(service().verify(session.idToken()).userId()).as("the session stays valid").isEqualTo(session.user().userId());
  }

  @Test
  default void aResetCodeStillGoesToTheOldEmailWhileTheChangeIsPending() {
    String oldEmail = uniqueEmail("old-reset");
    AuthSession session = withStoredProfile(oldEmail);
    service().requestEmailChange(session, uniqueEmail("new-reset"));

    service().forgotPassword(oldEmail);
    service().confirmForgotPassword(oldEmail, passwordResetCode(service(), oldEmail), RESET_PASSWORD);

    assertThat(service().signIn(oldEmail, RESET_PASSWORD).sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void confirmingMovesSignInToTheNewEmailAndTheProfileFollows() {
    String oldEmail = uniqueEmail("old");
    String newEmail = uniqueEmail("new");
    AuthSession session = withStoredProfile(oldEmail);
    UserProfile before = stored(session);
    service().requestEmailChange(session, newEmail);

    service().confirmEmailChange(session, emailChangeCode(service(), newEmail));

    AuthSession signedIn = service().signIn(newEmail, PASSWORD).sessionOrThrow();
    assertThat(signedIn.user().userId()).isEqualTo(session.user().userId());
    assertThat(signedIn.user().email()).contains(newEmail);
    assertThat(signedIn.user().emailVerified()).isTrue();
    thrown(InvalidCredentialsException.class, () -> service().signIn(oldEmail, PASSWORD));
    UserProfile after = stored(session);
    assertThat(after.email()).contains(newEmail);
    assertThat(after.emailVerified()).isTrue();
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.displayName()).as("nothing else changes").isEqualTo(before.displayName());
    assertThat(service().getProfile(signedIn.user()).email()).contains(newEmail);
  }

  @Test
  default void aUserWithoutAStoredProfileChangesEmailAndTheFallbackFollows() {
    String newEmail = uniqueEmail("new-fallback");
    AuthSession session = signUpAndSignIn(uniqueEmail("old-fallback"));
    service().requestEmailChange(session, newEmail);

    service().confirmEmailChange(session, emailChangeCode(service(), newEmail));

    assertThat(service().admin().findStoredProfile(session.user().userId())).as("no profile is created").isEmpty();
    AuthSession signedIn = service().signIn(newEmail, PASSWORD).sessionOrThrow();
    assertThat(service().getProfile(signedIn.user()).email()).contains(newEmail);
  }

  @Test
  default void aWrongCodeChangesNothingAndTheRightOneStillWorks() {
    String oldEmail = uniqueEmail("old-wrong");
    String newEmail = uniqueEmail("new-wrong");
    AuthSession session = withStoredProfile(oldEmail);
    UserProfile before = stored(session);
    service().requestEmailChange(session, newEmail);
    String code = emailChangeCode(service(), newEmail);

    thrown(InvalidCodeException.class, () -> service().confirmEmailChange(session, otherThan(code)));

    assertThat(service().signIn(oldEmail, PASSWORD).sessionOrThrow().user().email()).contains(oldEmail);
    thrown(InvalidCredentialsException.class, () -> service().signIn(newEmail, PASSWORD));
    assertThat(stored(session)).isEqualTo(before);

    service().confirmEmailChange(session, code);
    assertThat(stored(session).email()).contains(newEmail);
  }

  @Test
  default void confirmingWithoutARequestIsAnInvalidCodeAndChangesNothing() {
    String email = uniqueEmail("no-request");
    AuthSession session = withStoredProfile(email);
    UserProfile before = stored(session);

    thrown(InvalidCodeException.class, () -> service().confirmEmailChange(session, "123456"));

    assertThat(stored(session)).isEqualTo(before);
    assertThat(service().signIn(email, PASSWORD).sessionOrThrow().user().email()).contains(email);
  }

  @Test
  default void theEmailOfAnotherAccountIsRefusedAndNothingChanges() {
    String email = uniqueEmail("wants-taken");
    String taken = uniqueEmail("taken");
    AuthSession session = withStoredProfile(email);
    AuthSession other = signUpAndSignIn(taken);
    UserProfile before = stored(session);

    thrown(EmailInUseException.class, () -> service().requestEmailChange(session, taken));

    assertThat(service().signIn(email, PASSWORD).sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
    assertThat(service().signIn(taken, PASSWORD).sessionOrThrow().user().userId()).isEqualTo(other.user().userId());
    assertThat(stored(session)).isEqualTo(before);
  }

  @Test
  default void aSecondRequestReplacesTheFirst() {
    String first = uniqueEmail("first");
    String second = uniqueEmail("second");
    AuthSession session = signUpAndSignIn(uniqueEmail("twice"));
    service().requestEmailChange(session, first);
    service().requestEmailChange(session, second);

    service().confirmEmailChange(session, emailChangeCode(service(), second));

    assertThat(service().signIn(second, PASSWORD).sessionOrThrow().user().userId()).isEqualTo(session.user().userId());
    thrown(InvalidCredentialsException.class, () -> service().signIn(first, PASSWORD));
  }

  @Test
  default void malformedInputIsRefusedBeforeAnyChange() {
    String email = uniqueEmail("malformed");
    AuthSession session = signUpAndSignIn(email);

    assertThat(thrown(InvalidRequestException.class, () -> service().requestEmailChange(session, "not-an-email")).field())
        .isEqualTo("newEmail");
    assertThat(thrown(InvalidRequestException.class, () -> service().requestEmailChange(session, null)).field())
        .isEqualTo("newEmail");
    assertThat(thrown(InvalidRequestException.class, () -> service().confirmEmailChange(session, " ")).field())
        .isEqualTo("code");
    assertThat(thrown(InvalidRequestException.class, () -> service().requestEmailChange(null, uniqueEmail("x"))).field())
        .isEqualTo("session");
    assertThat(service().signIn(email, PASSWORD).sessionOrThrow().user().email()).isEqualTo(Optional.of(email));
  }

  @Test
  default void anIdTokenInPlaceOfTheAccessTokenIsRefused() {
    AuthSession session = signUpAndSignIn(uniqueEmail("id-token"));
    AuthSession wrong = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    assertThat(thrown(TokenRejectedException.class, () -> service().requestEmailChange(wrong, uniqueEmail("x"))).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
  }
}
