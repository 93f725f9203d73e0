package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.profilekit.FederatedCallback;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestClock;
import dev.profilekit.testing.TestUsers;
import dev.profilekit.testing.UserProfileServiceContract;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The contract's groups are self-contained: a run that opts into one group runs exactly that
 * group's cases (plus the fixture's own), and the whole contract is every group.
 */
class ContractGroupsTest {

  /** A third-party style run that opts into the session group only. */
  static class SessionsOnly extends ContractFixture implements SessionCases {
    private final TestClock clock = TestClock.startingNow();

    @Override
    protected UserProfileService newService(ProfilePolicy policy) {
      return InMemoryUserProfileService.builder().policy(policy).clock(clock).build();
    }

    @Override
    public void advanceClock(UserProfileService service, Duration duration) {
      clock.advance(duration);
    }

    @Override
    public String confirmationCode(UserProfileService service, String email) {
      return ((InMemoryUserProfileService) service).lastConfirmationCode(email).orElseThrow();
    }

    @Override
    public String passwordResetCode(UserProfileService service, String email) {
      return ((InMemoryUserProfileService) service).lastPasswordResetCode(email).orElseThrow();
    }

    @Override
    public void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
      ((InMemoryUserProfileService) service).seed(TestUsers.email(email).temporaryPassword(temporaryPassword));
    }

    @Override
    public FederatedCallback signInAtProvider(UserProfileService service, PendingFederatedSignIn pending, String email) {
      throw new AssertionError("the session group never signs in at a provider");
    }
  }

  private static long casesOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
  }

  @Test
  void aRunOptingIntoOneGroupRunsThatGroupAlone() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    LauncherFactory.create().execute(request().selectors(selectClass(SessionsOnly.class)).build(), listener);

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getFailures()).extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).isEmpty();
    assertThat(casesOf(SessionCases.class)).isGreaterThan(10);
    assertThat(summary.getTestsSucceededCount()).isEqualTo(casesOf(SessionCases.class) + casesOf(ContractFixture.class));
    assertThat(summary.getTestsSkippedCount()).isZero();
  }

  @Test
  void theWholeContractIsEveryGroup() {
    List<Class<?>> groups = List.of(SignUpAndPasswordCases.class, SessionCases.class, FederatedCases.class, ProfileCases.class,
        AdminAndConcurrencyCases.class, AccountLifecycleCases.class, UserAdministrationCases.class, RefreshRotationCases.class,
        AuthenticatedCallCases.class,
        SrpSignInCases.class, EmailChangeCases.class, TotpCases.class, AccountExportCases.class);

    assertThat(UserProfileServiceContract.class.getInterfaces()).containsExactlyInAnyOrderElementsOf(groups);
    for (Class<?> group : groups) {
      assertThat(group.getInterfaces()).as(group.getSimpleName() + " stands on the harness alone").containsExactly(ContractHarness.class);
      assertThat(Arrays.stream(group.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).map(Method::isDefault))
          .as("cases of " + group.getSimpleName()).isNotEmpty().allMatch(Boolean::booleanValue);
    }
  }

  /**
   * MFA, choice-based sign-in and MFA setup need a hook the whole contract does not (a delivered code,
   * an MFA-required pool), passkeys the backend's choice-based sign-in: a run opts in.
   */
  @Test
  void theMfaGroupIsOptedIntoAndStandsOnTheHarnessAlone() {
    assertThat(UserProfileServiceContract.class.getInterfaces()).doesNotContain(MfaCases.class);
    assertThat(MfaCases.class.getInterfaces()).containsExactly(ContractHarness.class);
    assertThat(casesOf(MfaCases.class)).isGreaterThanOrEqualTo(9);
    assertThat(UserProfileServiceContract.class.getInterfaces()).doesNotContain(ChoiceSignInCases.class);
    assertThat(ChoiceSignInCases.class.getInterfaces()).containsExactly(ContractHarness.class);
    assertThat(casesOf(ChoiceSignInCases.class)).isGreaterThanOrEqualTo(5);
    assertThat(UserProfileServiceContract.class.getInterfaces()).doesNotContain(MfaSetupCases.class);
    assertThat(MfaSetupCases.class.getInterfaces()).containsExactly(ContractHarness.class);
    assertThat(casesOf(MfaSetupCases.class)).isGreaterThanOrEqualTo(4);
    assertThat(UserProfileServiceContract.class.getInterfaces()).doesNotContain(PasskeyCases.class);
    assertThat(PasskeyCases.class.getInterfaces()).containsExactly(ContractHarness.class);
    assertThat(casesOf(PasskeyCases.class)).isGreaterThanOrEqualTo(9);
  }
}
