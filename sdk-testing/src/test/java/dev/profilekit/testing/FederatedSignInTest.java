package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.UserProfile;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake's hosted UI: one-time codes bound to redirect URI, nonce and PKCE, and provider-shaped users. */
class FederatedSignInTest {

  private static final URI CALLBACK = URI.create("https://app.example.com/callback");
  private final TestClock clock = TestClock.startingNow();
  private final InMemoryUserProfileService fake = InMemoryUserProfileService.builder().clock(clock).callbackUrl(CALLBACK).build();

  @Test
  void aGoogleUserSignsInWithTheirProviderShapedAttributes() {
    SeededUser grace = fake.seed(TestUsers.google("grace@example.com").name("Grace Hopper").givenName("Grace").familyName("Hopper"));
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);

    AuthSession session = fake.completeFederatedSignIn(pending, fake.federatedCallbackFor(pending, grace));
    UserProfile profile = fake.getProfile(session.user());

    assertThat(session.user().identityProvider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(session.user().username()).isEqualTo(grace.username());
    assertThat(profile.displayName()).contains("Grace Hopper");
    assertThat(profile.avatarUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://lh3.googleusercontent.com/"));
    assertThat(profile.emailVerified()).isTrue();
    assertThat(profile.linkedIdentities()).singleElement().satisfies(id -> assertThat(id.provider()).isEqualTo(IdentityProvider.GOOGLE));
  }

  @Test
  void anAppleUserBehindAPrivateRelayHasThatEmailAndNoPicture() {
    SeededUser hidden = fake.seed(TestUsers.appleWithPrivateRelay());
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.APPLE, CALLBACK);

    AuthSession session = fake.completeFederatedSignIn(pending, fake.federatedCallbackFor(pending, hidden));
    UserProfile profile = fake.getProfile(session.user());

    assertThat(profile.emailIsPrivateRelay()).isTrue();
    assertThat(profile.avatarUrl()).isEmpty();
    assertThat(profile.displayName()).isEmpty();
    assertThat(session.user().identityProvider()).isEqualTo(IdentityProvider.APPLE);
    assertThat(hidden.username()).startsWith("SignInWithApple_");
  }

  @Test
  void aCodeCanBeRedeemedOnlyOnce() {
    SeededUser ada = fake.seed(TestUsers.google("ada@example.com"));
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = fake.federatedCallbackFor(pending, ada);
    fake.completeFederatedSignIn(pending, callback);

    assertThatThrownBy(() -> fake.completeFederatedSignIn(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
  }

  @Test
  void aCodeExpiresAfterFiveMinutes() {
    SeededUser ada = fake.seed(TestUsers.google("ada@example.com"));
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = fake.federatedCallbackFor(pending, ada);
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> fake.completeFederatedSignIn(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
  }

  @Test
  void aCodeIssuedForOneSignInCannotCompleteAnother() {
    SeededUser ada = fake.seed(TestUsers.google("ada@example.com"));
    PendingFederatedSignIn first = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);
    PendingFederatedSignIn second = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback firstCallback = fake.federatedCallbackFor(first, ada);
    FederatedCallback replayed = FederatedCallback.builder().code(firstCallback.code().orElseThrow()).state(second.state()).build();

    assertThatThrownBy(() -> fake.completeFederatedSignIn(second, replayed))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
  }

  @Test
  void anUnregisteredRedirectUriIsRejectedBeforeAnything() {
    assertThatThrownBy(() -> fake.federatedSignIn(IdentityProvider.GOOGLE, URI.create("https://evil.example.com/cb")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("redirectUri"));
  }

  @Test
  void completingForAUserOfAnotherProviderIsATestMistake() {
    SeededUser apple = fake.seed(TestUsers.apple("ada@example.com"));
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);

    assertThatThrownBy(() -> fake.federatedCallbackFor(pending, apple)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSessionsIdTokenCarriesTheSignInsNonce() throws Exception {
    SeededUser ada = fake.seed(TestUsers.google("ada@example.com"));
    PendingFederatedSignIn pending = fake.federatedSignIn(IdentityProvider.GOOGLE, CALLBACK);

    AuthSession session = fake.completeFederatedSignIn(pending, fake.federatedCallbackFor(pending, ada));

    assertThat(com.nimbusds.jwt.SignedJWT.parse(session.idToken()).getJWTClaimsSet().getStringClaim("nonce")).isEqualTo(pending.nonce());
  }

  @Test
  void theLogoutUriUsesTheConfiguredDomain() {
    URI logout = fake.logoutUri(URI.create("https://app.example.com/bye"));

    assertThat(logout.toString()).startsWith(InMemoryServiceSettings.DEFAULT_HOSTED_UI_DOMAIN + "/logout?client_id=");
  }
}
