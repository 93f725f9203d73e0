package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.ClientConfigurationException;
import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.UserProfile;
import dev.profilekit.testing.ContractCapability;
import dev.profilekit.InvalidRequestException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract cases: federated sign-in through the hosted UI with state, nonce and PKCE, and logout. */
public interface FederatedCases extends ContractHarness {

  /** The redirect URI the contract uses; register it as a callback URL of the app client. */
  URI REDIRECT_URI = URI.create("https://app.example.com/auth/callback");
  /** The sign-out URI the contract uses; register it as a sign-out URL of the app client. */
  URI LOGOUT_URI = URI.create("https://app.example.com/signed-out");


  @Test
  default void federatedSignInBuildsAnAuthorizeUrlWithStateNonceAndS256Challenge() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    Map<String, String> query = query(pending.authorizationUri());

    assertSecureOrLoopback(pending.authorizationUri());
    assertThat(pending.authorizationUri().getPath()).isEqualTo("/oauth2/authorize");
    assertThat(query).containsEntry("response_type", "code")
        .containsEntry("identity_provider", "Google")
        .containsEntry("redirect_uri", REDIRECT_URI.toString())
        .containsEntry("state", pending.state())
        .containsEntry("nonce", pending.nonce())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("code_challenge", s256(pending.codeVerifier()))
        .containsKey("client_id");
    assertThat(pending.codeVerifier()).hasSizeBetween(43, 128);
    assertThat(pending.authorizationUri().toString()).doesNotContain(pending.codeVerifier());
    assertThat(pending.toString()).doesNotContain(pending.codeVerifier()).doesNotContain(pending.nonce());
  }

  @Test
  default void aRedirectUriCognitoWouldRefuseIsRefusedBeforeAnyCall() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    assertThat(thrown(InvalidRequestException.class,
        () -> service().federatedSignIn(IdentityProvider.GOOGLE, URI.create("http://app.example.com/auth/callback"))).rule())
        .isEqualTo("https-required");
    assertThat(thrown(InvalidRequestException.class,
        () -> service().federatedSignIn(IdentityProvider.GOOGLE, URI.create("https://app.example.com/auth/callback#frag"))).rule())
        .isEqualTo("no-fragment");
    assertThat(thrown(InvalidRequestException.class,
        () -> service().federatedSignIn(IdentityProvider.GOOGLE, URI.create("/auth/callback"))).field())
        .isEqualTo("redirectUri");
    assertThat(thrown(InvalidRequestException.class,
        () -> service().logoutUri(URI.create("http://app.example.com/signed-out"))).field())
        .isEqualTo("logoutRedirectUri");
  }

  @Test
  default void everyFederatedSignInHasItsOwnStateNonceAndVerifier() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn first = service().federatedSignIn(IdentityProvider.APPLE, REDIRECT_URI);
    PendingFederatedSignIn second = service().federatedSignIn(IdentityProvider.APPLE, REDIRECT_URI);

    assertThat(first.state()).isNotEqualTo(second.state());
    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.codeVerifier()).isNotEqualTo(second.codeVerifier());
    assertThat(query(first.authorizationUri())).containsEntry("identity_provider", "SignInWithApple");
  }

  @Test
  default void aCallbackCarryingTheProvidersErrorFailsWithThatError() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    FederatedCallback callback = FederatedCallback.fromQuery("error=access_denied&error_description=User+cancelled&state=" + pending.state());

    assertThat(thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback)).error())
        .isEqualTo("access_denied");
  }

  @Test
  default void aCallbackErrorThatIsNoErrorCodeReachesNoMessageOrLogVerbatim() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    FederatedCallback callback = FederatedCallback.fromQuery("error=access_denied%0D%0A2026-01-01+INFO+forged+line"
        + "&error_description=cancelled%0D%0Aforged+description&state=" + pending.state());

    FederatedSignInException refused = thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback));

    assertThat(refused.error()).isEqualTo("invalid_callback_error");
    assertThat(refused.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("forged line")
        .contains("cancelled  forged description");
  }

  @Test
  default void aCallbackWithAForeignStateFailsWithStateMismatch() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    FederatedCallback callback = FederatedCallback.builder().code("some-code").state("forged-state").build();

    assertThat(thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback)).error())
        .isEqualTo("state_mismatch");
  }

  @Test
  default void aCallbackWithoutACodeFailsWithMissingCode() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    FederatedCallback callback = FederatedCallback.builder().state(pending.state()).build();

    assertThat(thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback)).error())
        .isEqualTo("missing_code");
  }

  @Test
  default void aFederatedRoundTripSignsTheProviderUserIn() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    if (!supports(ContractCapability.FEDERATED_CODE_EXCHANGE)) {
      assertMadeUpCodeIsRefused(pending);
      return;
    }
    String email = uniqueEmail("google");
    FederatedCallback callback = signInAtProvider(service(), pending, email);

    AuthSession session = service().completeFederatedSignIn(pending, callback);

    assertThat(session.user().identityProvider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(session.user().email()).contains(email);
    assertThat(service().verify(session.accessToken()).userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void aCodeExchangeWithAnotherVerifierFails() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    if (!supports(ContractCapability.FEDERATED_CODE_EXCHANGE)) {
      assertMadeUpCodeIsRefused(pending);
      return;
    }
    FederatedCallback callback = signInAtProvider(service(), pending, uniqueEmail("pkce"));
    PendingFederatedSignIn stolen = PendingFederatedSignIn.builder().from(pending)
        .codeVerifier(service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI).codeVerifier())
        .build();

    assertThat(thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(stolen, callback)).error())
        .isEqualTo("invalid_grant");
  }

  @Test
  default void aCallbackWithoutStateFailsWithStateMismatch() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    FederatedCallback callback = FederatedCallback.fromQuery("code=some-code");

    assertThat(thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback)).error())
        .isEqualTo("state_mismatch");
  }

  @Test
  default void aReplayedCodeFailsWithInvalidGrant() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    if (!supports(ContractCapability.FEDERATED_CODE_EXCHANGE)) {
      assertMadeUpCodeIsRefused(pending);
      return;
    }
    FederatedCallback callback = signInAtProvider(service(), pending, uniqueEmail("replay"));
    service().completeFederatedSignIn(pending, callback);

    FederatedSignInException replayed = thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, callback));
    assertThat(replayed.error()).isEqualTo("invalid_grant");
    assertThat(replayed.getMessage()).doesNotContain(callback.code().orElseThrow());
  }

  @Test
  default void aFederatedSignInStoresTheProfileTheProviderGave() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    PendingFederatedSignIn pending = service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI);
    if (!supports(ContractCapability.FEDERATED_CODE_EXCHANGE)) {
      assertMadeUpCodeIsRefused(pending);
      return;
    }
    String email = uniqueEmail("fallback");
    AuthSession session = service().completeFederatedSignIn(pending, signInAtProvider(service(), pending, email));

    UserProfile profile = service().getProfile(session.user());

    // Stored at the first sign-in, because some providers (Apple) send the name only then.
    assertThat(profile.userId()).isEqualTo(session.user().userId());
    assertThat(profile.email()).contains(email);
    assertThat(profile.isStored()).isTrue();
    assertThat(profile.version()).isEqualTo(1);
    assertThat(session.user().linkedIdentities()).extracting(LinkedIdentity::provider).contains(IdentityProvider.GOOGLE);
  }

  @Test
  default void theLogoutUriPointsAtTheLogoutEndpointWithTheClientAndRedirect() {
    if (refusedWithoutHostedUiDomain()) {
      return;
    }
    URI logout = service().logoutUri(LOGOUT_URI);

    assertSecureOrLoopback(logout);
    assertThat(logout.getPath()).isEqualTo("/logout");
    assertThat(query(logout)).containsEntry("logout_uri", LOGOUT_URI.toString()).containsKey("client_id");
  }

  /**
   * Without {@link ContractCapability#HOSTED_UI_DOMAIN}, asserts that each federated call is
   * refused as a configuration error, naming the setting and echoing nothing of the request, and
   * returns {@code true}: the case has nothing else to check.
   */
  private boolean refusedWithoutHostedUiDomain() {
    if (supports(ContractCapability.HOSTED_UI_DOMAIN)) {
      return false;
    }
    PendingFederatedSignIn pending = PendingFederatedSignIn.builder()
        .authorizationUri(URI.create("https://auth.example.com/oauth2/authorize")).redirectUri(REDIRECT_URI)
        .providerName("Google").state("contract-state").nonce("contract-nonce").codeVerifier("v".repeat(43)).build();
    FederatedCallback callback = FederatedCallback.builder().code("contract-code").state("contract-state").build();
    for (ClientConfigurationException refused : List.of(
        thrown(ClientConfigurationException.class, () -> service().federatedSignIn(IdentityProvider.GOOGLE, REDIRECT_URI)),
        thrown(ClientConfigurationException.class, () -> service().completeFederatedSignIn(pending, callback)),
        thrown(ClientConfigurationException.class, () -> service().logoutUri(LOGOUT_URI)))) {
      assertThat(refused.getMessage()).contains("hosted UI domain").doesNotContain("contract-code")
          .doesNotContain(REDIRECT_URI.toString());
    }
    return true;
  }

  /** The user pool domain is https; plain http only for a test server on loopback. */
  private static void assertSecureOrLoopback(URI uri) {
    boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
    assertThat(uri.getScheme()).as("scheme of " + uri.getHost()).isIn(loopback ? new Object[] {"https", "http"} : new Object[] {"https"});
  }

  private void assertMadeUpCodeIsRefused(PendingFederatedSignIn pending) {
    FederatedCallback madeUp = FederatedCallback.builder().code("made-up-code").state(pending.state()).build();
    FederatedSignInException refused = thrown(FederatedSignInException.class, () -> service().completeFederatedSignIn(pending, madeUp));
    assertThat(refused.getMessage()).doesNotContain("made-up-code");
  }

  /**
   * Reads a URL's query parameters.
   *
   * @param uri the URL
   * @return the decoded parameters
   */
  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : String.valueOf(uri.getRawQuery()).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
