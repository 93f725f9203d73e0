package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.IdentityProvider;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The fake keeps what a federated sign-in gave, and never overwrites what the user edited. */
class InMemoryFederatedCaptureTest {

  private static final URI CALLBACK = URI.create("https://app.example.com/auth/callback");

  private final InMemoryUserProfileService fake = InMemoryUserProfileService.builder().build();

  private AuthSession signInWithApple(SeededUser user) {
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.APPLE, CALLBACK);
    return fake.completeFederatedSignIn(pending, fake.federatedCallbackFor(pending, user));
  }

  @Test
  void theFirstAppleSignInStoresTheNameAppleSendsOnlyThen() {
    SeededUser grace = fake.seed(TestUsers.apple("x7k2p9q4mn@privaterelay.appleid.com").givenName("Grace").familyName("Hopper"));

    AuthSession session = signInWithApple(grace);

    UserProfile profile = fake.getProfile(session.user());
    assertThat(profile.isStored()).isTrue();
    assertThat(profile.givenName()).contains("Grace");
    assertThat(profile.displayName()).contains("Grace Hopper");
    assertThat(profile.emailIsPrivateRelay()).isTrue();
  }

  @Test
  void aLaterSignInKeepsWhatTheUserEdited() {
    SeededUser grace = fake.seed(TestUsers.apple("grace@example.com").givenName("Grace").familyName("Hopper"));
    AuthSession first = signInWithApple(grace);
    UserProfile edited = fake.updateProfile(first.user(), ProfileUpdate.builder().displayName("Amazing Grace").build());

    AuthSession later = signInWithApple(grace);

    UserProfile profile = fake.getProfile(later.user());
    assertThat(profile.displayName()).contains("Amazing Grace");
    assertThat(profile.version()).isEqualTo(edited.version());
  }
}
