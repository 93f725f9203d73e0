package dev.profilekit.testing;

import dev.profilekit.testing.contract.AdminAndConcurrencyCases;

/**
 * The contract every {@link dev.profilekit.UserProfileService} implementation passes: an abstract
 * JUnit 5 test class covering sign-up, passwords, sessions, token verification, federated sign-in,
 * profile fallback, patches, versions, typed fields, validation, admin-only fields, listing and
 * concurrency. The in-memory service and the AWS implementation both extend it; so can yours.
 *
 * <p>Extend it in a test source set, and provide the hooks:
 *
 * <pre>{@code
 * class MyServiceContractTest extends UserProfileServiceContract {
 *   protected UserProfileService newService(ProfilePolicy policy) { ... }
 *   protected String confirmationCode(UserProfileService service, String email) { return "123456"; }
 *   protected String passwordResetCode(UserProfileService service, String email) { return "123456"; }
 *   protected void createUserWithTemporaryPassword(UserProfileService service, String email, String password) { ... }
 *   protected Map<ContractCapability, String> unsupportedCapabilities() {
 *     return Map.of(ContractCapability.GLOBAL_SIGN_OUT, "emulator lacks GlobalSignOut; see GlobalSignOutTest");
 *   }
 * }
 * }</pre>
 *
 * <p>Every case uses users of its own (unique emails), so services may share one user pool and one
 * table across a test class. Optional backend abilities are {@link ContractCapability
 * capabilities}: a lacking one is declared with a reason, and the affected cases assert the weaker
 * behaviour instead of being skipped.
 */
public abstract class UserProfileServiceContract extends AdminAndConcurrencyCases {

  /** Creates the contract. */
  protected UserProfileServiceContract() {}
}
