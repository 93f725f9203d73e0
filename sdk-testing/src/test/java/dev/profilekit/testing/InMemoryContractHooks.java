package dev.profilekit.testing;

import dev.profilekit.FederatedCallback;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.contract.ContractHarness;
import dev.profilekit.testing.contract.SrpClaims;

/** The contract hooks of the in-memory service: codes and users come from the fake itself. */
interface InMemoryContractHooks extends ContractHarness {

  @Override
  default String confirmationCode(UserProfileService service, String email) {
    return fake(service).lastConfirmationCode(email).orElseThrow();
  }

  @Override
  default String passwordResetCode(UserProfileService service, String email) {
    return fake(service).lastPasswordResetCode(email).orElseThrow();
  }

  @Override
  default String signInCode(UserProfileService service, String email) {
    return fake(service).lastSignInCode(email).orElseThrow();
  }

  @Override
  default String emailChangeCode(UserProfileService service, String newEmail) {
    return fake(service).lastEmailChangeCode(newEmail).orElseThrow();
  }

  @Override
  default void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
    fake(service).seed(TestUsers.email(email).temporaryPassword(temporaryPassword));
  }

  @Override
  default FederatedCallback signInAtProvider(UserProfileService service, PendingFederatedSignIn pending, String email) {
    SeededUser user = fake(service).seed(TestUsers.google(email));
    return fake(service).federatedCallbackFor(pending, user);
  }

  @Override
  default SrpClaims srpClaims(UserProfileService service) {
    return new SrpClaims(fake(service).directory().srpClaimsChecked(), fake(service).directory().srpClaimsProven());
  }

  private static InMemoryUserProfileService fake(UserProfileService service) {
    return (InMemoryUserProfileService) service;
  }
}
