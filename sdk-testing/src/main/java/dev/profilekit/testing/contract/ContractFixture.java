package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.ContractCapability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The base of a contract run: a fresh service before each case, closed after it. Extend it and
 * implement the groups of cases the implementation opts into:
 *
 * <pre>{@code
 * class MyServiceProfileContractTest extends ContractFixture implements ProfileCases, SessionCases {
 *   protected UserProfileService newService(ProfilePolicy policy) { ... }
 *   public String confirmationCode(UserProfileService service, String email) { ... }
 *   public String passwordResetCode(UserProfileService service, String email) { ... }
 *   public void createUserWithTemporaryPassword(UserProfileService service, String email, String password) { ... }
 * }
 * }</pre>
 *
 * <p>Or extend {@link dev.profilekit.testing.UserProfileServiceContract}, which implements every
 * group. A class implementing one group runs that group alone.
 */
public abstract class ContractFixture implements ContractHarness {

  private UserProfileService service;

  /** Creates the fixture. */
  protected ContractFixture() {}

  /**
   * Returns a new service for one test. Services may share a backend (one user pool and table per
   * test class, say): every case uses users and emails of its own.
   *
   * @param policy the policy the service must apply
   * @return the service; the contract closes it after the test
   */
  protected abstract UserProfileService newService(ProfilePolicy policy);

  @Override
  public final UserProfileService service() {
    assertThat(service).as("the service of the running case (called outside a test?)").isNotNull();
    return service;
  }

  @BeforeEach
  final void openService() {
    service = newService(CONTRACT_POLICY);
    assertThat(service).as("newService").isNotNull();
  }

  @AfterEach
  final void closeService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  @Test
  void everyUnsupportedCapabilitySaysWhatCoversItInstead() {
    for (ContractCapability capability : ContractCapability.values()) {
      supports(capability);
    }
    assertThat(unsupportedCapabilities().values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
  }
}
