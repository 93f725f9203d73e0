package dev.profilekit.testing;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.contract.ChoiceSignInCases;
import dev.profilekit.testing.contract.MfaCases;
import java.time.Duration;

/** Runs the whole contract against the in-memory service, with the MFA cases. */
class InMemoryUserProfileServiceContractTest extends UserProfileServiceContract implements InMemoryContractHooks, MfaCases, ChoiceSignInCases {

  /** JUnit makes one instance per test, and the contract one service per test: one clock each. */
  private final TestClock clock = TestClock.startingNow();

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    return InMemoryUserProfileService.builder().policy(policy).clock(clock).build();
  }

  @Override
  public UserProfileService rotatingService(ProfilePolicy policy) {
    return InMemoryUserProfileService.builder().policy(policy).clock(clock).refreshTokenRotation(true).build();
  }

  @Override
  public void advanceClock(UserProfileService service, Duration duration) {
    clock.advance(duration);
  }
}
