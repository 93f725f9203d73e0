package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.FieldValue;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfileService;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extension gives each test its own fake and injects what the test asks for. */
@ProfileKitTest(adminOnlyCustomFields = "creditBalance", fixedConfirmationCode = "654321")
class ProfileKitExtensionTest {

  private InMemoryUserProfileService fromBeforeEach;

  @BeforeEach
  void remember(InMemoryUserProfileService fake) {
    this.fromBeforeEach = fake;
  }

  @Test
  void theTestAndItsBeforeEachShareOneFreshService(InMemoryUserProfileService fake, UserProfileService asInterface, ProfileAdmin admin) {
    assertThat(fake).isSameAs(fromBeforeEach).isSameAs(asInterface);
    assertThat(admin).isSameAs(fake.admin());
    assertThat(admin.listProfiles(10, null).profiles()).isEmpty();
  }

  @Test
  void seededParametersAreProviderShaped(@Seeded(provider = Seeded.Provider.GOOGLE, givenName = "Ada", familyName = "Lovelace") SeededUser ada,
      @Seeded(provider = Seeded.Provider.APPLE_PRIVATE_RELAY) SeededUser hidden, @Seeded(groups = "admins") SeededUser admin,
      UserProfileService profiles) {
    assertThat(ada.provider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(profiles.getProfile(ada.verifiedUser()).displayName()).contains("Ada Lovelace");
    assertThat(profiles.getProfile(hidden.verifiedUser()).emailIsPrivateRelay()).isTrue();
    assertThat(admin.verifiedUser().groups()).containsExactly("admins");
  }

  @Test
  void theAnnotationConfiguresThePolicyAndTheCode(InMemoryUserProfileService fake, @Seeded SeededUser user) {
    assertThatThrownBy(() -> fake.updateProfile(user.verifiedUser(),
        ProfileUpdate.builder().customField("creditBalance", FieldValue.of(5)).build())).isInstanceOf(ForbiddenFieldException.class);
    assertThat(fake.settings().fixedConfirmationCode()).contains("654321");
  }

  @Test
  void theInjectedClockIsTheServicesClock(InMemoryUserProfileService fake, TestClock clock, TestTokens tokens, @Seeded SeededUser user) {
    String token = tokens.validIdToken(user);
    clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> fake.verify(token)).isInstanceOf(TokenRejectedException.class);
  }
}
