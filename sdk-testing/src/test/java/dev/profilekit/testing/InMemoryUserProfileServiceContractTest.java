package dev.profilekit.testing;

import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.contract.ChoiceSignInCases;
import dev.profilekit.testing.contract.MfaCases;
import dev.profilekit.testing.contract.MfaSetupCases;
import dev.profilekit.testing.contract.PasskeyCases;
import java.time.Duration;
import java.util.Set;

/** Runs the whole contract against the in-memory service, with the opt-in MFA, choice, MFA setup and passkey cases. */
class InMemoryUserProfileServiceContractTest extends UserProfileServiceContract implements InMemoryContractHooks, MfaCases, ChoiceSignInCases,
    MfaSetupCases, PasskeyCases {

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
  public UserProfileService mfaRequiredService(ProfilePolicy policy) {
    return InMemoryUserProfileService.builder().policy(policy).clock(clock)
        .mfaConfiguration(MfaConfiguration.ON).mfaMethods(Set.of(MfaMethod.TOTP)).build();
  }

  @Override
  public void advanceClock(UserProfileService service, Duration duration) {
    clock.advance(duration);
  }
}
