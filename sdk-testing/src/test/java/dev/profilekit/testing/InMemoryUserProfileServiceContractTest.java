package dev.profilekit.testing;

import dev.profilekit.FederatedCallback;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import java.time.Duration;

/** Runs the whole contract against the in-memory service. */
class InMemoryUserProfileServiceContractTest extends UserProfileServiceContract {

  /** JUnit makes one instance per test, and the contract one service per test: one clock each. */
  private final TestClock clock = TestClock.startingNow();

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    return InMemoryUserProfileService.builder().policy(policy).clock(clock).build();
  }

  @Override
  protected void advanceClock(UserProfileService service, Duration duration) {
    clock.advance(duration);
  }

  @Override
  protected String confirmationCode(UserProfileService service, String email) {
    return fake(service).lastConfirmationCode(email).orElseThrow();
  }

  @Override
  protected String passwordResetCode(UserProfileService service, String email) {
    return fake(service).lastPasswordResetCode(email).orElseThrow();
  }

  @Override
  protected void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
    fake(service).seed(TestUsers.email(email).temporaryPassword(temporaryPassword));
  }

  @Override
  protected FederatedCallback signInAtProvider(UserProfileService service, PendingFederatedSignIn pending, String email) {
    SeededUser user = fake(service).seed(TestUsers.google(email));
    return fake(service).federatedCallbackFor(pending, user);
  }

  private static InMemoryUserProfileService fake(UserProfileService service) {
    return (InMemoryUserProfileService) service;
  }
}
