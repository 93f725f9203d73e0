package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.ContractCapability;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What every group of contract cases needs from the implementation under test: the per-test
 * service, the backend hooks, and the helpers the cases share.
 *
 * <p>Each group ({@link SignUpAndPasswordCases}, {@link SessionCases}, {@link FederatedCases},
 * {@link ProfileCases}, {@link AdminAndConcurrencyCases}, {@link AccountLifecycleCases}, {@link UserAdministrationCases}, {@link RefreshRotationCases}, {@link MfaCases}, {@link MfaSetupCases}, {@link AuthenticatedCallCases},
 * {@link EmailChangeCases}, {@link AccountExportCases}, ...) is a JUnit 5 test interface extending
 * this one. {@link ContractFixture} implements the service lifecycle; a test class extends it and
 * implements the groups it opts into, or extends {@link
 * dev.profilekit.testing.UserProfileServiceContract} for all of them.
 *
 * <p>The helper methods ({@link #supports}, {@link #signUp}, {@link #signUpAndSignIn}, ...) are
 * part of the contract's behaviour: override only the hooks.
 */
public interface ContractHarness {

  /** The policy every contract service is built with: one admin-only custom field. */
  ProfilePolicy CONTRACT_POLICY = ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build();
  /** The password of users the contract signs up; meets Cognito's default policy. */
  String PASSWORD = "Contract-Pa55word!";
  /** Given name entered at every contract sign-up. */
  String GIVEN_NAME = "Ada";
  /** Family name entered at every contract sign-up. */
  String FAMILY_NAME = "Lovelace";

  /**
   * Returns the service under test, fresh for each test (it may share a backend with other tests).
   *
   * @return the service
   */
  UserProfileService service();

  /**
   * Returns the confirmation code the backend sent to a user who just signed up or asked for a
   * new code.
   *
   * @param service the service
   * @param email the user's email
   * @return the code
   */
  String confirmationCode(UserProfileService service, String email);

  /**
   * Returns the password reset code the backend sent after {@code forgotPassword}.
   *
   * @param service the service
   * @param email the user's email
   * @return the code
   */
  String passwordResetCode(UserProfileService service, String email);

  /**
   * Returns the code the backend sent to the new email after {@code requestEmailChange}. The
   * default refuses: override it to run {@link EmailChangeCases}.
   *
   * @param service the service
   * @param newEmail the new email
   * @return the code
   */
  default String emailChangeCode(UserProfileService service, String newEmail) {
    throw new UnsupportedOperationException("override emailChangeCode to run the email change cases");
  }

  /**
   * Creates a user as an administrator does: email verified, with a temporary password that the
   * first sign-in must replace.
   *
   * @param service the service
   * @param email the user's email, also the username
   * @param temporaryPassword the temporary password
   */
  void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword);

  /**
   * Plays the browser and the identity provider for a started federated sign-in: a new user of
   * the pending provider with this email signs in, and the redirect's callback is returned. Only
   * called when {@link ContractCapability#FEDERATED_CODE_EXCHANGE} is supported.
   *
   * @param service the service
   * @param pending the started sign-in
   * @param email the provider account's email
   * @return the callback with code and state
   */
  default FederatedCallback signInAtProvider(UserProfileService service, PendingFederatedSignIn pending, String email) {
    throw new UnsupportedOperationException("declare FEDERATED_CODE_EXCHANGE unsupported, or override signInAtProvider");
  }

  /**
   * Returns the last sign-in code (an SMS or email MFA code) the backend sent to a user, as read
   * from their phone or inbox. Only called by {@link MfaCases} and {@link ChoiceSignInCases};
   * override it to run them.
   *
   * @param service the service
   * @param email the user's email
   * @return the code
   */
  default String signInCode(UserProfileService service, String email) {
    throw new UnsupportedOperationException("override signInCode to run MfaCases");
  }

  /**
   * Moves the clock by which the service verifies tokens and its backend expires sign-in challenges
   * and lockouts (a {@code TestClock} given to its
   * verifier, say). Only called when {@link ContractCapability#CLOCK_CONTROL} is supported.
   *
   * @param service the service
   * @param duration how far to move it forward
   */
  default void advanceClock(UserProfileService service, Duration duration) {
    throw new UnsupportedOperationException("declare CLOCK_CONTROL unsupported, or override advanceClock");
  }

  /**
   * Returns a new service like {@link #service()}'s, on the same backend, but whose refresh tokens
   * rotate (the implementation's rotation setting on, against an app client with rotation
   * enabled). The case that asks for it closes it. Only called when {@link
   * ContractCapability#REFRESH_TOKEN_ROTATION} is supported.
   *
   * @param policy the policy the service must apply
   * @return the rotating service
   */
  default UserProfileService rotatingService(ProfilePolicy policy) {
    throw new UnsupportedOperationException("declare REFRESH_TOKEN_ROTATION unsupported, or override rotatingService");
  }

  /**
   * Returns a new service like {@link #service()}'s, on the same backend, but of a user pool that
   * requires MFA ({@code MfaConfiguration} {@code ON}) with authenticator apps (software tokens)
   * allowed and no other second factor: the in-memory service's {@code mfaConfiguration(ON)}, on AWS
   * such a pool. The case that asks for it closes it. Only called by {@link MfaSetupCases};
   * override it to run them.
   *
   * @param policy the policy the service must apply
   * @return the service of the MFA-required pool
   */
  default UserProfileService mfaRequiredService(ProfilePolicy policy) {
    throw new UnsupportedOperationException("override mfaRequiredService to run MfaSetupCases");
  }

  /**
   * Returns how many SRP password claims ({@code PASSWORD_VERIFIER} answers) the backend has
   * checked so far and how many proved the password, so the SRP cases can see that a sign-in
   * went by SRP. Only called when {@link ContractCapability#SRP_CLAIM_COUNT} is supported.
   *
   * @param service the service
   * @return the counts so far
   */
  default SrpClaims srpClaims(UserProfileService service) {
    throw new UnsupportedOperationException("declare SRP_CLAIM_COUNT unsupported, or override srpClaims");
  }

  /**
   * Declares the capabilities this implementation's backend lacks, each with why and which
   * narrower test covers the behaviour instead. Declare one only where no stand-in for the
   * backend can answer it.
   *
   * @return reasons by capability; empty when everything is supported
   */
  default Map<ContractCapability, String> unsupportedCapabilities() {
    return Map.of();
  }

  /**
   * Tells whether a capability is supported; an unsupported one must come with a reason.
   *
   * @param capability the capability
   * @return true when supported
   */
  default boolean supports(ContractCapability capability) {
    String reason = unsupportedCapabilities().get(capability);
    if (reason != null) {
      assertThat(reason).as("why " + capability + " is unsupported and what covers it instead").isNotBlank();
    }
    return reason == null;
  }

  /**
   * Returns an email no other test uses.
   *
   * @param name a readable prefix
   * @return the email
   */
  default String uniqueEmail(String name) {
    return name + "+" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT) + "@example.com";
  }

  /**
   * Signs a user up with {@link #PASSWORD}, {@link #GIVEN_NAME} and {@link #FAMILY_NAME}.
   *
   * @param email the email
   * @return the result
   */
  default SignUpResult signUp(String email) {
    return service().signUp(SignUpRequest.builder().email(email).password(PASSWORD).givenName(GIVEN_NAME).familyName(FAMILY_NAME).build());
  }

  /**
   * Signs a user up, confirms them with their code, and signs them in.
   *
   * @param email the email
   * @return the session
   */
  default AuthSession signUpAndSignIn(String email) {
    signUp(email);
    service().confirmSignUp(email, confirmationCode(service(), email));
    return service().signIn(email, PASSWORD).sessionOrThrow();
  }

  /**
   * Returns a new, confirmed, signed-in user, from their ID token.
   *
   * @return the verified user
   */
  default VerifiedUser newUser() {
    return signUpAndSignIn(uniqueEmail("user")).user();
  }

  /**
   * Runs a call that must fail with the given exception type, and returns the exception.
   *
   * @param <T> the exception type
   * @param type the exception type
   * @param call the call
   * @return the exception
   */
  default <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).as("expected " + type.getSimpleName()).isInstanceOf(type);
    return type.cast(failure);
  }
}
