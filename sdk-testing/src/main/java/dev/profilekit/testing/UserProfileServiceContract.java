package dev.profilekit.testing;

import dev.profilekit.testing.contract.AccountExportCases;
import dev.profilekit.testing.contract.AccountLifecycleCases;
import dev.profilekit.testing.contract.AdminAndConcurrencyCases;
import dev.profilekit.testing.contract.AuthenticatedCallCases;
import dev.profilekit.testing.contract.ContractFixture;
import dev.profilekit.testing.contract.EmailChangeCases;
import dev.profilekit.testing.contract.FederatedCases;
import dev.profilekit.testing.contract.ProfileCases;
import dev.profilekit.testing.contract.RefreshRotationCases;
import dev.profilekit.testing.contract.SessionCases;
import dev.profilekit.testing.contract.SignUpAndPasswordCases;
import dev.profilekit.testing.contract.SrpSignInCases;
import dev.profilekit.testing.contract.TotpCases;
import dev.profilekit.testing.contract.UserAdministrationCases;

/**
 * The contract every {@link dev.profilekit.UserProfileService} implementation passes: an abstract
 * JUnit 5 test class with every group of cases, covering sign-up, passwords, sessions, token
 * verification, refresh token rotation, federated sign-in, profile fallback, patches, versions, typed fields, validation,
 * admin-only fields, listing, concurrency, account deletion, email changes, account export, user management and the one-call authenticated
 * reads and writes. The in-memory service and the
 * AWS implementation both extend it; so can yours.
 *
 * <p>Extend it in a test source set, and provide the hooks:
 *
 * <pre>{@code
 * class MyServiceContractTest extends UserProfileServiceContract {
 *   protected UserProfileService newService(ProfilePolicy policy) { ... }
 *   public String confirmationCode(UserProfileService service, String email) { return "123456"; }
 *   public String passwordResetCode(UserProfileService service, String email) { return "123456"; }
 *   public void createUserWithTemporaryPassword(UserProfileService service, String email, String password) { ... }
 *   public String emailChangeCode(UserProfileService service, String newEmail) { return "123456"; }
 *   public Map<ContractCapability, String> unsupportedCapabilities() {
 *     return Map.of(ContractCapability.FEDERATED_CODE_EXCHANGE, "no hosted UI to test against; MyHostedUiTest covers it");
 *   }
 * }
 * }</pre>
 *
 * <p>To run only some groups, extend {@link ContractFixture} instead and implement the group
 * interfaces of {@code dev.profilekit.testing.contract} you opt into; each group also runs alone
 * that way.
 *
 * <p>Every case uses users of its own (unique emails), so services may share one user pool and one
 * table across a test class. Optional backend abilities are {@link ContractCapability
 * capabilities}: a lacking one is declared with a reason, and the affected cases assert the weaker
 * behaviour instead of being skipped. Declare one only where no stand-in for the backend can
 * answer it.
 */
public abstract class UserProfileServiceContract extends ContractFixture
    implements SignUpAndPasswordCases, SessionCases, FederatedCases, ProfileCases, AdminAndConcurrencyCases,
    AccountLifecycleCases, UserAdministrationCases, RefreshRotationCases, AuthenticatedCallCases, SrpSignInCases,
    EmailChangeCases, TotpCases, AccountExportCases {

  /** Creates the contract. */
  protected UserProfileServiceContract() {}
}
