package dev.profilekit.testing;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.contract.ContractFixture;
import dev.profilekit.testing.contract.FederatedCases;
import java.util.Map;

/**
 * The federated cases against an in-memory service with no hosted UI domain, as a consumer whose
 * service has none runs them: each case checks that the federated calls are refused with {@code
 * ClientConfigurationException} (issue 18 item 6). {@code AwsWithoutHostedUiContractTest} runs the
 * same cases on the AWS implementation.
 */
class InMemoryWithoutHostedUiContractTest extends ContractFixture implements FederatedCases, InMemoryContractHooks {

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    return InMemoryUserProfileService.builder().withoutHostedUiDomain().policy(policy).build();
  }

  @Override
  public Map<ContractCapability, String> unsupportedCapabilities() {
    String why = "built with InMemoryServiceSettings.builder().withoutHostedUiDomain(): the refusal is what this run checks;"
        + " InMemoryUserProfileServiceContractTest runs the federated cases with a domain";
    return Map.of(ContractCapability.HOSTED_UI_DOMAIN, why, ContractCapability.FEDERATED_CODE_EXCHANGE, why);
  }
}
