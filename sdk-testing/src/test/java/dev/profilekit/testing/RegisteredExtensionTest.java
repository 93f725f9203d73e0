package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered in code, with a policy built in code. */
class RegisteredExtensionTest {

  @RegisterExtension
  final ProfileKitExtension profileKit = ProfileKitExtension.withPolicy(ProfilePolicy.builder().adminOnlyCustomField("tier").build());

  @Test
  void theServiceUsesThePolicyGivenInCode(UserProfileService service) {
    assertThat(service.policy().isAdminOnly("tier")).isTrue();
  }

  @Test
  void eachTestGetsItsOwnService(InMemoryUserProfileService service, @Seeded SeededUser user) {
    assertThat(service.admin().listProfiles(10, null).profiles()).isEmpty();
    assertThat(service.getProfile(user.verifiedUser()).isStored()).isFalse();
  }
}
