package dev.profilekit.testing;

/**
 * Optional abilities a {@link UserProfileServiceContract} run may lack, because the backend it
 * runs against (an emulator, say) does not offer them.
 *
 * <p>A subclass declares each one it lacks in {@link
 * dev.profilekit.testing.contract.ContractHarness#unsupportedCapabilities()}, with the reason and the narrower test
 * that covers the behaviour instead. The affected cases then still run and assert the
 * documented weaker behaviour; nothing is skipped. Declare one only where no stand-in for the
 * backend can answer it (an {@code ExecutionInterceptor} giving AWS's answer, a loopback server):
 * the AWS implementation's run on the emulators declares none.
 */
public enum ContractCapability {
  /**
   * {@code resendConfirmationCode} delivers a new code. Without it, the case asserts that the call
   * fails with a typed {@code ProfileKitException} instead of succeeding silently.
   */
  RESEND_CONFIRMATION_CODE,
  /**
   * {@code signOutEverywhere} (user and admin) revokes every earlier token. Without it, the cases
   * assert that the call fails with a typed {@code ProfileKitException}.
   */
  GLOBAL_SIGN_OUT,
  /**
   * The backend enforces a password policy (8+ characters with upper, lower, digit, symbol).
   * Without it, the case asserts only that a strong password is accepted.
   */
  PASSWORD_POLICY,
  /**
   * The test harness can complete a federated sign-in at the provider ({@link
   * dev.profilekit.testing.contract.ContractHarness#signInAtProvider}). Without it, the cases assert that a callback
   * carrying a made-up code fails with {@code FederatedSignInException}.
   */
  FEDERATED_CODE_EXCHANGE,
  /**
   * The harness can move the clock the service verifies tokens by ({@link
   * dev.profilekit.testing.contract.ContractHarness#advanceClock}). Without it, the expiry case asserts only that fresh
   * tokens verify.
   */
  CLOCK_CONTROL,
  /**
   * The harness can build a service whose refresh tokens rotate ({@link
   * dev.profilekit.testing.contract.ContractHarness#rotatingService}): each refresh returns a new
   * refresh token and refuses the old one as a Cognito app client with refresh token rotation
   * does. Without it, the rotation cases assert only that refresh without rotation keeps a
   * refresh token that refreshes again.
   */
  REFRESH_TOKEN_ROTATION,
  /**
   * The service is configured with the user pool's hosted UI domain, so federated sign-in and
   * logout URLs can be built. Without it, every federated case asserts instead that {@code
   * federatedSignIn}, {@code completeFederatedSignIn} and {@code logoutUri} fail with {@code
   * ClientConfigurationException} before any call: a service built without a domain passes the
   * contract as it is, no dummy domain needed. {@link #FEDERATED_CODE_EXCHANGE} needs this one.
   */
  HOSTED_UI_DOMAIN,
  /**
   * The harness can count the SRP password claims ({@code PASSWORD_VERIFIER} answers) the backend
   * checked ({@link dev.profilekit.testing.contract.ContractHarness#srpClaims}). Without it, the
   * SRP cases assert only the sign-in outcomes, not that SRP proved them.
   */
  SRP_CLAIM_COUNT
}
