package dev.profilekit.aws.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hosted UI flow against a loopback server playing the Cognito domain. */
class CognitoHostedUiTest {

  private static final String CLIENT_ID = "4example0client0id0abcdefg";
  private static final URI CALLBACK = URI.create("https://app.example.com/auth/callback");
  private static final Map<String, Object> GOOGLE_USER = Map.of(
      "sub", "6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f",
      "cognito:username", "Google_110169484474386276334",
      "email", "ada@gmail.com",
      "email_verified", true,
      "name", "Ada Lovelace",
      "identities", List.of(Map.of("userId", "110169484474386276334", "providerName", "Google",
          "providerType", "Google", "primary", "true", "dateCreated", "1700000000000")));

  private LoopbackCognitoDomain domain;
  private CognitoHostedUi hostedUi;

  @BeforeEach
  void startDomain() throws Exception {
    domain = new LoopbackCognitoDomain(CLIENT_ID, null);
    hostedUi = HostedUiFixtures.hostedUi(domain, CLIENT_ID, null);
  }

  @AfterEach
  void stopDomain() {
    domain.close();
  }

  @Test
  void startBuildsAnAuthorizeUrlWithPkceStateNonceAndProvider() throws Exception {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.APPLE, CALLBACK);

    Map<String, String> query = LoopbackCognitoDomain.parseForm(pending.authorizationUri().getRawQuery());
    assertThat(pending.authorizationUri().toString()).startsWith(domain.domain() + "/oauth2/authorize?");
    assertThat(query).containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", CALLBACK.toString())
        .containsEntry("identity_provider", "SignInWithApple")
        .containsEntry("scope", "openid email profile aws.cognito.signin.user.admin")
        .containsEntry("state", pending.state())
        .containsEntry("nonce", pending.nonce())
        .containsEntry("code_challenge_method", "S256");
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(pending.codeVerifier().getBytes(StandardCharsets.US_ASCII));
    assertThat(query.get("code_challenge")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    assertThat(query).doesNotContainValue(pending.codeVerifier());
    assertThat(Base64.getUrlDecoder().decode(pending.state())).hasSizeGreaterThanOrEqualTo(16);
    assertThat(pending.codeVerifier()).matches("[A-Za-z0-9_-]{43,128}");
    assertThat(pending.toString()).doesNotContain(pending.codeVerifier());
  }

  @Test
  void everyStartHasFreshStateNonceAndVerifier() {
    PendingFederatedSignIn first = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    PendingFederatedSignIn second = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);

    assertThat(second.state()).isNotEqualTo(first.state());
    assertThat(second.nonce()).isNotEqualTo(first.nonce());
    assertThat(second.codeVerifier()).isNotEqualTo(first.codeVerifier());
  }

  @Test
  void configuredOidcAndSamlProvidersAreSentByName() {
    PendingFederatedSignIn saml = hostedUi.start(IdentityProvider.saml("AcmeCorpOkta"), CALLBACK);

    assertThat(LoopbackCognitoDomain.parseForm(saml.authorizationUri().getRawQuery())).containsEntry("identity_provider", "AcmeCorpOkta");
    assertThat(saml.providerName()).isEqualTo("AcmeCorpOkta");
  }

  @Test
  void codeExchangeWithPkceReturnsTheVerifiedUsersSession() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    URI callback = domain.authorize(pending.authorizationUri(), GOOGLE_USER);

    AuthSession session = hostedUi.complete(pending, FederatedCallback.fromUri(callback));

    assertThat(session.user().userId()).isEqualTo("6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f");
    assertThat(session.user().username()).isEqualTo("Google_110169484474386276334");
    assertThat(session.user().email()).contains("ada@gmail.com");
    assertThat(session.refreshToken()).isPresent();
    assertThat(session.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(3000));
    Map<String, String> form = domain.tokenRequests().get(0);
    assertThat(form).containsEntry("grant_type", "authorization_code")
        .containsEntry("redirect_uri", CALLBACK.toString())
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("code_verifier", pending.codeVerifier());
    assertThat(domain.authorizationHeaders()).containsExactly("");
  }

  @Test
  void clientSecretIsSentByHttpBasicAndNeverInTheBody() throws Exception {
    try (LoopbackCognitoDomain withSecret = new LoopbackCognitoDomain(CLIENT_ID, "s3cr3t-client-secret")) {
      CognitoHostedUi confidential = HostedUiFixtures.hostedUi(withSecret, CLIENT_ID, "s3cr3t-client-secret");
      PendingFederatedSignIn pending = confidential.start(IdentityProvider.GOOGLE, CALLBACK);

      AuthSession session = confidential.complete(pending, FederatedCallback.fromUri(withSecret.authorize(pending.authorizationUri(), GOOGLE_USER)));

      assertThat(session.user().userId()).isEqualTo("6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f");
      assertThat(withSecret.authorizationHeaders().get(0)).startsWith("Basic ");
      assertThat(withSecret.tokenRequests().get(0).values()).doesNotContain("s3cr3t-client-secret");
    }
  }

  @Test
  void aWrongClientSecretFailsAsInvalidClientWithoutTheSecretInTheMessage() throws Exception {
    try (LoopbackCognitoDomain withSecret = new LoopbackCognitoDomain(CLIENT_ID, "the-real-secret")) {
      CognitoHostedUi wrong = HostedUiFixtures.hostedUi(withSecret, CLIENT_ID, "a-wrong-secret");
      PendingFederatedSignIn pending = wrong.start(IdentityProvider.GOOGLE, CALLBACK);
      FederatedCallback callback = FederatedCallback.fromUri(withSecret.authorize(pending.authorizationUri(), GOOGLE_USER));

      assertThatThrownBy(() -> wrong.complete(pending, callback))
          .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_client"))
          .hasMessageNotContaining("a-wrong-secret")
          .hasMessageNotContaining(callback.code().orElseThrow());
    }
  }

  @Test
  void aCallbackWithAnotherStateIsRefusedBeforeAnyTokenRequest() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    PendingFederatedSignIn other = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(other.authorizationUri(), GOOGLE_USER));

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("state_mismatch"));
    assertThat(domain.tokenRequests()).isEmpty();
  }

  @Test
  void aCallbackWithoutStateIsRefused() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback noState = FederatedCallback.fromQuery("code=abc");

    assertThatThrownBy(() -> hostedUi.complete(pending, noState))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("state_mismatch"));
    assertThat(domain.tokenRequests()).isEmpty();
  }

  @Test
  void aCallbackWithStateButNoCodeIsMissingCode() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);

    assertThatThrownBy(() -> hostedUi.complete(pending, FederatedCallback.fromQuery("state=" + pending.state())))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("missing_code"));
  }

  @Test
  void aReplayedCodeFailsWithInvalidGrant() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));
    hostedUi.complete(pending, callback);

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"))
        .hasMessageNotContaining(callback.code().orElseThrow());
  }

  @Test
  void aCodeVerifierThatDoesNotMatchTheChallengeFailsWithInvalidGrant() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));
    PendingFederatedSignIn tampered = PendingFederatedSignIn.builder().from(pending)
        .codeVerifier(hostedUi.start(IdentityProvider.GOOGLE, CALLBACK).codeVerifier()).build();

    assertThatThrownBy(() -> hostedUi.complete(tampered, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"))
        .hasMessageNotContaining(tampered.codeVerifier());
  }

  @Test
  void accessDeniedCallbackIsATypedErrorAndCallsNothing() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.APPLE, CALLBACK);
    FederatedCallback denied = FederatedCallback.fromQuery(
        "error=access_denied&error_description=User+cancelled%0Aforged+log+line&state=" + pending.state());

    assertThatThrownBy(() -> hostedUi.complete(pending, denied))
        .isInstanceOfSatisfying(FederatedSignInException.class, e -> assertThat(e.error()).isEqualTo("access_denied"))
        .hasMessageContaining("User cancelled")
        .hasMessageNotContaining("\n");
    assertThat(domain.tokenRequests()).isEmpty();
  }

  @Test
  void anIdTokenIssuedToAnotherAudienceIsRejected() {
    domain.issueIdTokensTo("another0client0id");
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE));
  }

  @Test
  void anIdTokenForAnotherClientIsRejectedEvenWhenTheVerifierAcceptsThatClient() {
    CognitoHostedUi lenient = HostedUiFixtures.hostedUi(domain, CLIENT_ID, null, HostedUiFixtures.verifier(domain, CLIENT_ID, "another0client0id"));
    domain.issueIdTokensTo("another0client0id");
    PendingFederatedSignIn pending = lenient.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));

    assertThatThrownBy(() -> lenient.complete(pending, callback))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE));
  }

  @Test
  void anIdTokenSignedByAnotherKeyIsRejected() throws Exception {
    domain.signWith(new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("loopback-key").generate());
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE));
  }

  @Test
  void aGoogleSessionCarriesTheProviderAndItsUserIdFromTheIdentitiesClaim() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);

    AuthSession session = hostedUi.complete(pending, FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER)));

    assertThat(session.user().identityProvider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(session.user().linkedIdentities()).singleElement().satisfies(identity -> {
      assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE);
      assertThat(identity.providerUserId()).isEqualTo("110169484474386276334");
    });
    assertThat(session.user().attributes()).containsEntry("email_verified", "true").containsEntry("name", "Ada Lovelace");
    assertThat(ExternalIdentity.of(session.user())).hasValueSatisfying(identity -> {
      assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE);
      assertThat(identity.emailVerified()).isTrue();
    });
  }

  @Test
  void anIdTokenWithAnotherNonceIsRejected() {
    domain.issueNonce("a-nonce-from-another-sign-in");
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.NONCE_MISMATCH))
        .hasMessageNotContaining(pending.nonce());
  }

  @Test
  void aStoppedTokenEndpointIsTokenEndpointUnavailable() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));
    domain.stop();

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class,
            e -> assertThat(e.error()).isEqualTo("token_endpoint_unavailable"))
        .hasMessageNotContaining(callback.code().orElseThrow());
  }

  @Test
  void aTokenEndpointAnswering503IsTokenEndpointUnavailableAndNotRetried() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));
    domain.failNext(1, 503);

    assertThatThrownBy(() -> hostedUi.complete(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class,
            e -> assertThat(e.error()).isEqualTo("token_endpoint_unavailable"));
    // The code was not consumed by the failed attempt, but ProfileKit does not repeat a code exchange.
    assertThat(hostedUi.complete(pending, callback).user().username()).isEqualTo("Google_110169484474386276334");
  }

  @Test
  void aTokenEndpointThatNeverAnswersIsTokenEndpointUnavailableAfterTheRequestTimeout() {
    CognitoHostedUi impatient = CognitoHostedUi.builder().domain(domain.domain()).clientId(CLIENT_ID)
        .tokenVerifier(HostedUiFixtures.verifier(domain, CLIENT_ID)).requestTimeout(java.time.Duration.ofMillis(300)).build();
    PendingFederatedSignIn pending = impatient.start(IdentityProvider.GOOGLE, CALLBACK);
    FederatedCallback callback = FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER));
    domain.hang();

    assertThatThrownBy(() -> impatient.complete(pending, callback))
        .isInstanceOfSatisfying(FederatedSignInException.class,
            e -> assertThat(e.error()).isEqualTo("token_endpoint_unavailable"))
        .hasMessageContaining("HttpTimeoutException");
  }

  @Test
  void refreshUsesTheRefreshGrantAndKeepsTheRefreshToken() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    AuthSession first = hostedUi.complete(pending, FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER)));
    String refreshToken = first.refreshToken().orElseThrow();

    AuthSession refreshed = hostedUi.refresh(refreshToken);

    assertThat(refreshed.user().userId()).isEqualTo(first.user().userId());
    assertThat(refreshed.refreshToken()).contains(refreshToken);
    assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(domain.tokenRequests().get(1)).containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", refreshToken).containsEntry("client_id", CLIENT_ID);
  }

  @Test
  void aRefusedRefreshTokenIsRejectedAsRevoked() {
    assertThatThrownBy(() -> hostedUi.refresh("refresh-unknown"))
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.REVOKED))
        .hasMessageNotContaining("refresh-unknown");
  }

  @Test
  void refreshIsRetriedWhileTheEndpointAnswers503() {
    PendingFederatedSignIn pending = hostedUi.start(IdentityProvider.GOOGLE, CALLBACK);
    String refreshToken = hostedUi.complete(pending, FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), GOOGLE_USER)))
        .refreshToken().orElseThrow();
    domain.failNext(2, 503);

    assertThat(hostedUi.refresh(refreshToken).user().userId()).isEqualTo("6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f");
  }

  @Test
  void refreshGivesUpAsServiceUnavailableOrThrottled() {
    domain.failNext(3, 503);
    assertThatThrownBy(() -> hostedUi.refresh("refresh-anything")).isInstanceOf(ServiceUnavailableException.class);
    domain.failNext(3, 429);
    assertThatThrownBy(() -> hostedUi.refresh("refresh-anything")).isInstanceOf(ThrottledException.class);
  }

  @Test
  void logoutUriNamesTheClientAndTheEncodedSignOutUrl() {
    URI logout = hostedUi.logoutUri(URI.create("https://app.example.com/signed-out?from=menu"));

    assertThat(logout.toString()).startsWith(domain.domain() + "/logout?");
    assertThat(LoopbackCognitoDomain.parseForm(logout.getRawQuery()))
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("logout_uri", "https://app.example.com/signed-out?from=menu");
  }

  @Test
  void badInputsAreRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> hostedUi.start(null, CALLBACK))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("provider"));
    assertThatThrownBy(() -> hostedUi.start(IdentityProvider.GOOGLE, URI.create("http://app.example.com/cb")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("https-required"));
    assertThatThrownBy(() -> hostedUi.start(IdentityProvider.GOOGLE, URI.create("/relative")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("absolute-uri"));
    assertThatThrownBy(() -> hostedUi.logoutUri(URI.create("https://app.example.com/#frag")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("no-fragment"));
    assertThatThrownBy(() -> hostedUi.refresh(" "))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("refreshToken"));
    assertThatThrownBy(() -> hostedUi.complete(null, FederatedCallback.fromQuery("")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("pending"));
    assertThat(domain.tokenRequests()).isEmpty();
    assertThat(hostedUi.start(IdentityProvider.GOOGLE, URI.create("http://localhost:8080/cb")).redirectUri().getPort()).isEqualTo(8080);
    assertThat(hostedUi.start(IdentityProvider.GOOGLE, URI.create("myapp://auth/callback")).redirectUri().getScheme()).isEqualTo("myapp");
  }

  @Test
  void theBuilderNamesTheMissingSetting() {
    assertThatThrownBy(() -> CognitoHostedUi.builder().clientId(CLIENT_ID).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("domain"));
    assertThatThrownBy(() -> CognitoHostedUi.builder().domain(URI.create("https://x.auth.eu-west-1.amazoncognito.com")).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("clientId"));
    assertThatThrownBy(() -> CognitoHostedUi.builder().domain(URI.create("https://x.auth.eu-west-1.amazoncognito.com")).clientId(CLIENT_ID).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("tokenVerifier"));
    assertThatThrownBy(() -> CognitoHostedUi.builder().domain(URI.create("http://x.auth.eu-west-1.amazoncognito.com")).clientId(CLIENT_ID).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("domain"));
    assertThatThrownBy(() -> CognitoHostedUi.builder().domain(URI.create("https://x.auth.eu-west-1.amazoncognito.com")).clientId(CLIENT_ID)
            .scopes(List.of("email")).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("scopes"));
  }
}
