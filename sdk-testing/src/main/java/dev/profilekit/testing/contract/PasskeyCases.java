package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.Passkey;
import dev.profilekit.PasskeyNotFoundException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.testing.TestPasskeyAuthenticator;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: passkeys. A signed-in user registers one (the creation options handed out,
 * the browser's credential verified), lists and deletes them; a choice-based sign-in asks for a
 * passkey ({@code WEB_AUTHN}), preferred or chosen, and the assertion signs the user in; a forged
 * assertion, a registration answering another challenge or completed after its challenge's three
 * minutes, a deleted passkey and a signed-out session are refused. {@link
 * TestPasskeyAuthenticator} plays the browser and the device.
 *
 * <p>Opt-in, as {@link ChoiceSignInCases}: the sign-in cases need the backend's choice-based
 * sign-in ({@code USER_AUTH}).
 */
public interface PasskeyCases extends ContractHarness {

  /**
   * Registers a new passkey for the session's user.
   *
   * @param session the user's session
   * @return the authenticator holding it
   */
  default TestPasskeyAuthenticator registerPasskey(AuthSession session) {
    TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();
    service().completePasskeyRegistration(session, device.register(service().startPasskeyRegistration(session)));
    return device;
  }

  @Test
  default void aRegisteredPasskeyIsListedWithWhatTheAccountPageShows() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-register"));
    assertThat(service().listPasskeys(session)).isEmpty();

    String options = service().startPasskeyRegistration(session);
    assertThat(options).contains("\"challenge\"").contains("\"rp\"").contains("\"user\"");
    TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();
    service().completePasskeyRegistration(session, device.register(options));

    List<Passkey> passkeys = service().listPasskeys(session);
    assertThat(passkeys).hasSize(1);
    Passkey passkey = passkeys.get(0);
    assertThat(passkey.credentialId()).isEqualTo(device.credentialId());
    assertThat(passkey.relyingPartyId()).isNotBlank();
    assertThat(options).contains("\"" + passkey.relyingPartyId() + "\"");
    assertThat(passkey.friendlyName()).isNotBlank();
    assertThat(passkey.authenticatorAttachment()).hasValue("platform");
    assertThat(passkey.transports()).contains("internal");
    assertThat(passkey.createdAt()).isNotNull();
  }

  @Test
  default void everyPasskeyIsListedWhateverThePages() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-pages"));
    List<String> registered = List.of(registerPasskey(session).credentialId(), registerPasskey(session).credentialId(),
        registerPasskey(session).credentialId());

    assertThat(service().listPasskeys(session)).extracting(Passkey::credentialId).containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  default void deletingAPasskeyRemovesThatOneAndAnUnknownIdIsNotFound() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-delete"));
    TestPasskeyAuthenticator first = registerPasskey(session);
    TestPasskeyAuthenticator second = registerPasskey(session);

    service().deletePasskey(session, first.credentialId());

    assertThat(service().listPasskeys(session)).extracting(Passkey::credentialId).containsExactly(second.credentialId());
    thrown(PasskeyNotFoundException.class, () -> service().deletePasskey(session, first.credentialId()));
    assertThat(service().listPasskeys(session)).hasSize(1);
  }

  @Test
  default void afterSigningOutEverywhereThePasskeyCallsRefuseTheOldSession() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-revoked"));
    registerPasskey(session);
    if (!supports(ContractCapability.GLOBAL_SIGN_OUT)) {
      assertThat(thrown(ProfileKitException.class, () -> service().signOutEverywhere(session))).isNotNull();
      assertThat(service().listPasskeys(session)).hasSize(1);
      return;
    }

    service().signOutEverywhere(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().listPasskeys(session)).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(thrown(TokenRejectedException.class, () -> service().startPasskeyRegistration(session)).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
  }

  @Test
  default void aPreferredPasskeyIsAskedForAtOnceAndItsAssertionSignsTheUserIn() {
    String email = uniqueEmail("passkey-signin");
    AuthSession session = signUpAndSignIn(email);
    TestPasskeyAuthenticator device = registerPasskey(session);

    SignInStep step = service().signInWith(email, FirstFactor.WEB_AUTHN);

    assertThat(step).isInstanceOf(SignInStep.Passkey.class);
    SignInStep.Passkey passkey = (SignInStep.Passkey) step;
    assertThat(passkey.challenge().challengeName()).isEqualTo("WEB_AUTHN");
    assertThat(passkey.credentialRequestOptions()).contains("\"challenge\"").contains(device.credentialId());
    AuthSession signedIn = service().respond(step, SignInAnswer.passkey(device.signIn(passkey.credentialRequestOptions())))
        .sessionOrThrow();
    assertThat(service().verify(signedIn.idToken()).userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void aPasskeyChosenFromTheOfferedFactorsSignsTheUserIn() {
    String email = uniqueEmail("passkey-select");
    AuthSession session = signUpAndSignIn(email);
    TestPasskeyAuthenticator device = registerPasskey(session);

    SignInStep choice = service().signInWith(email, null);
    assertThat(choice).isInstanceOf(SignInStep.SelectChallenge.class);
    assertThat(((SignInStep.SelectChallenge) choice).options()).contains(FirstFactor.WEB_AUTHN);
    SignInStep step = service().respond(choice, SignInAnswer.firstFactor(FirstFactor.WEB_AUTHN));

    assertThat(step.kind()).isEqualTo(SignInStep.Kind.PASSKEY);
    String options = ((SignInStep.Passkey) step).credentialRequestOptions();
    assertThat(service().respond(step, SignInAnswer.passkey(device.signIn(options))).sessionOrThrow().user().userId())
        .isEqualTo(session.user().userId());
  }

  @Test
  default void aForgedAssertionIsRefusedAndTheRealPasskeyStillSignsIn() {
    String email = uniqueEmail("passkey-forged");
    AuthSession session = signUpAndSignIn(email);
    TestPasskeyAuthenticator device = registerPasskey(session);
    SignInStep step = service().signInWith(email, FirstFactor.WEB_AUTHN);
    String options = ((SignInStep.Passkey) step).credentialRequestOptions();

    String forged = device.forgedSignIn(options);
    InvalidCredentialsException refused = thrown(InvalidCredentialsException.class,
        () -> service().respond(step, SignInAnswer.passkey(forged)));

    assertThat(refused.getMessage()).doesNotContain(forged);
    SignInStep again = service().signInWith(email, FirstFactor.WEB_AUTHN);
    String fresh = ((SignInStep.Passkey) again).credentialRequestOptions();
    assertThat(service().respond(again, SignInAnswer.passkey(device.signIn(fresh))).isSignedIn()).isTrue();
  }

  @Test
  default void aRegistrationAnsweringAnotherChallengeIsRefusedAndRegistersNothing() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-challenge"));
    String options = service().startPasskeyRegistration(session);
    TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();

    String replayed = device.registerAnswering(options, "bm90LXRoZS1jaGFsbGVuZ2UtdGhpcy1jZXJlbW9ueS1nYXZl");
    PasskeyRejectedException refused = thrown(PasskeyRejectedException.class,
        () -> service().completePasskeyRegistration(session, replayed));

    assertThat(refused.reason()).isEqualTo(PasskeyRejectedException.Reason.CHALLENGE);
    assertThat(service().listPasskeys(session)).isEmpty();
  }

  @Test
  default void aDeletedPasskeyNoLongerSignsInAndWithoutOneNoneIsOffered() {
    String email = uniqueEmail("passkey-deleted");
    AuthSession session = signUpAndSignIn(email);
    TestPasskeyAuthenticator deleted = registerPasskey(session);
    TestPasskeyAuthenticator kept = registerPasskey(session);
    service().deletePasskey(session, deleted.credentialId());

    SignInStep step = service().signInWith(email, FirstFactor.WEB_AUTHN);
    String options = ((SignInStep.Passkey) step).credentialRequestOptions();
    assertThat(options).contains(kept.credentialId()).doesNotContain(deleted.credentialId());
    thrown(InvalidCredentialsException.class, () -> service().respond(step, SignInAnswer.passkey(deleted.signIn(options))));

    service().deletePasskey(session, kept.credentialId());
    SignInStep none = service().signInWith(email, FirstFactor.WEB_AUTHN);
    assertThat(none).isInstanceOf(SignInStep.SelectChallenge.class);
    assertThat(((SignInStep.SelectChallenge) none).options()).doesNotContain(FirstFactor.WEB_AUTHN).contains(FirstFactor.PASSWORD);
  }

  @Test
  default void thePasskeyCallsNeedTheSessionsOwnAccessToken() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-id-token"));
    TestPasskeyAuthenticator device = registerPasskey(session);
    AuthSession idTokenInstead = AuthSession.builder().from(session).accessToken(session.idToken()).build();
    String options = service().startPasskeyRegistration(session);

    for (ThrowingCallable call : List.<ThrowingCallable>of(
        () -> service().startPasskeyRegistration(idTokenInstead),
        () -> service().completePasskeyRegistration(idTokenInstead, TestPasskeyAuthenticator.create().register(options)),
        () -> service().listPasskeys(idTokenInstead),
        () -> service().deletePasskey(idTokenInstead, device.credentialId()))) {
      assertThat(thrown(TokenRejectedException.class, call).reason()).isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
    }
    assertThat(service().listPasskeys(session)).extracting(Passkey::credentialId).containsExactly(device.credentialId());
  }

  @Test
  default void aRegistrationChallengeLivesThreeMinutes() {
    AuthSession session = signUpAndSignIn(uniqueEmail("passkey-expiry"));
    TestPasskeyAuthenticator inTime = TestPasskeyAuthenticator.create();
    String inTimeCredential = inTime.register(service().startPasskeyRegistration(session));
    TestPasskeyAuthenticator late = TestPasskeyAuthenticator.create();
    if (!supports(ContractCapability.CLOCK_CONTROL)) {
      service().completePasskeyRegistration(session, inTimeCredential);
      assertThat(service().listPasskeys(session)).hasSize(1);
      return;
    }
    advanceClock(service(), Duration.ofMinutes(3).minusSeconds(1));
    service().completePasskeyRegistration(session, inTimeCredential);

    String lateCredential = late.register(service().startPasskeyRegistration(session));
    advanceClock(service(), Duration.ofMinutes(3));
    PasskeyRejectedException refused = thrown(PasskeyRejectedException.class,
        () -> service().completePasskeyRegistration(session, lateCredential));

    assertThat(refused.reason()).isEqualTo(PasskeyRejectedException.Reason.CHALLENGE);
    assertThat(service().listPasskeys(session)).extracting(Passkey::credentialId).containsExactly(inTime.credentialId());
    // A new start hands out a live challenge again.
    service().completePasskeyRegistration(session, late.register(service().startPasskeyRegistration(session)));
    assertThat(service().listPasskeys(session)).hasSize(2);
  }
}
