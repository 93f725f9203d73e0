package dev.profilekit.aws.federated;

import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.federated.internal.FormEncoding;
import dev.profilekit.aws.federated.internal.IdTokenChecks;
import dev.profilekit.aws.federated.internal.HostedUiInputs;
import dev.profilekit.aws.federated.internal.TokenEndpoint;
import dev.profilekit.aws.federated.internal.TokenEndpointException;
import dev.profilekit.aws.federated.internal.TokenResponse;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.internal.Pkce;
import dev.profilekit.internal.ProviderText;
import dev.profilekit.internal.RedirectUris;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Signs users in with Google, Apple or another identity provider through a Cognito user pool's
 * hosted UI: the OAuth 2.0 authorization-code flow with PKCE (S256), {@code state} and {@code
 * nonce}.
 *
 * <p>{@link #start(IdentityProvider, URI)} builds the {@code /oauth2/authorize} URL and the secrets
 * the application keeps in the user's web session; {@link #complete(PendingFederatedSignIn,
 * FederatedCallback)} checks the callback, exchanges the code at {@code /oauth2/token} and verifies
 * the ID token and its nonce; {@link #refresh(String)} and {@link #logoutUri(URI)} cover the rest
 * of a hosted UI session. See {@code docs/federated-sign-in.md}.
 *
 * <p>Failures of the code exchange are {@link FederatedSignInException}s, including an unreachable
 * or failing token endpoint ({@code token_endpoint_unavailable}): an authorization code is single
 * use, so the only safe recovery is to start the sign-in again, which is not what the retryable
 * {@link ServiceUnavailableException} would suggest. A refresh, which can safely be repeated, is
 * retried and then fails with {@link ServiceUnavailableException} or {@link ThrottledException}.
 *
 * <p>Thread-safe. No code, verifier, token or client secret ever appears in an exception message.
 */
public final class CognitoHostedUi {

  /** The scopes requested unless configured otherwise. */
  public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile", "aws.cognito.signin.user.admin");

  private static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final int REFRESH_ATTEMPTS = 3;
  private static final Duration REFRESH_BACKOFF = Duration.ofMillis(100);

  private final URI domain;
  private final String clientId;
  private final String scope;
  private final Function<String, VerifiedUser> idTokenVerifier;
  private final Clock clock;
  private final SecureRandom random;
  private final TokenEndpoint tokenEndpoint;

  private CognitoHostedUi(Builder builder, URI domain, Function<String, VerifiedUser> idTokenVerifier) {
    this.domain = domain;
    this.clientId = builder.clientId;
    this.scope = String.join(" ", builder.scopes);
    this.idTokenVerifier = idTokenVerifier;
    this.clock = builder.clock;
    this.random = builder.random;
    HttpClient http = builder.httpClient != null
        ? builder.httpClient
        : HttpClient.newBuilder().connectTimeout(builder.requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.tokenEndpoint = new TokenEndpoint(http, URI.create(endpoint("/oauth2/token")), clientId, builder.clientSecret, builder.requestTimeout);
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a sign-in: builds the authorize URL with fresh {@code state}, {@code nonce} and PKCE
   * verifier. Makes no network call.
   *
   * @param provider the identity provider, sent as {@code identity_provider} ({@link
   *     IdentityProvider#COGNITO} opens the hosted UI's own sign-in page)
   * @param redirectUri one of the app client's callback URLs: {@code https}, {@code
   *     http://localhost} or a native app's custom scheme, without a fragment
   * @return the URL to send the browser to and the values to keep until the callback
   * @throws InvalidRequestException if an argument is missing or the redirect URI is not acceptable
   */
  public PendingFederatedSignIn start(IdentityProvider provider, URI redirectUri) {
    if (provider == null) {
      throw new InvalidRequestException("provider", RequestChecks.REQUIRED, "an identity provider is required");
    }
    RedirectUris.check("redirectUri", redirectUri);
    String state = Pkce.randomValue(random);
    String nonce = Pkce.randomValue(random);
    String codeVerifier = Pkce.randomValue(random);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri.toString());
    query.put("identity_provider", provider.name());
    query.put("scope", scope);
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", Pkce.s256Challenge(codeVerifier));
    query.put("code_challenge_method", "S256");
    return PendingFederatedSignIn.builder()
        .authorizationUri(URI.create(endpoint("/oauth2/authorize") + "?" + FormEncoding.encode(query)))
        .redirectUri(redirectUri)
        .providerName(provider.name())
        .state(state)
        .nonce(nonce)
        .codeVerifier(codeVerifier)
        .build();
  }

  /**
   * Completes a sign-in: checks the callback's {@code state}, exchanges its code (with the PKCE
   * verifier) at the token endpoint, verifies the ID token and checks its {@code nonce}.
   *
   * <p>Costs: 1 HTTPS request to the token endpoint, none when the callback is refused.
   *
   * @param pending what {@link #start(IdentityProvider, URI)} returned for this browser
   * @param callback what arrived at the redirect URI
   * @return the session, with the verified user
   * @throws FederatedSignInException with {@link FederatedSignInException#error()} set to the
   *     provider's error ({@code access_denied}...), {@code state_mismatch}, {@code missing_code},
   *     the token endpoint's error ({@code invalid_grant} for a used or expired code or a wrong
   *     verifier, {@code invalid_client}...), {@code token_endpoint_unavailable} or {@code
   *     invalid_token_response}
   * @throws TokenRejectedException if the ID token fails verification, or its nonce is not the
   *     pending one ({@link TokenRejectedException.Reason#NONCE_MISMATCH})
   * @throws InvalidRequestException if an argument is missing
   */
  public AuthSession complete(PendingFederatedSignIn pending, FederatedCallback callback) {
    if (pending == null) {
      throw new InvalidRequestException("pending", RequestChecks.REQUIRED, "the pending sign-in kept since start() is required");
    }
    if (callback == null) {
      throw new InvalidRequestException("callback", RequestChecks.REQUIRED, "the callback is required");
    }
    if (callback.error().isPresent()) {
      throw ProviderText.callbackRefusal(callback);
    }
    if (!Pkce.constantTimeEquals(pending.state(), callback.state().orElse(null))) {
      throw new FederatedSignInException("state_mismatch",
          "the callback's state is missing or is not the one this sign-in started with (a forged or crossed callback)");
    }
    String code = callback.code().filter(c -> !c.isBlank())
        .orElseThrow(() -> new FederatedSignInException("missing_code", "the callback carries neither a code nor an error"));
    if (code.length() > MAX_TOKEN_LENGTH) {
      throw new FederatedSignInException("invalid_request", "the callback's code is implausibly long");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", pending.redirectUri().toString());
    form.put("client_id", clientId);
    form.put("code_verifier", pending.codeVerifier());
    TokenResponse tokens;
    try {
      tokens = tokenEndpoint.post(form);
    } catch (TokenEndpointException e) {
      throw new FederatedSignInException(e.error(), "the code exchange failed: " + e.getMessage(), e);
    }
    VerifiedUser user = IdTokenChecks.verify(idTokenVerifier, clientId, tokens.idToken());
    IdTokenChecks.requireNonce(tokens.idToken(), pending.nonce());
    return session(tokens, user, tokens.refreshToken());
  }

  /**
   * Gets fresh ID and access tokens at the token endpoint ({@code grant_type=refresh_token}).
   * Unavailability (connection failures, HTTP 5xx and 429) is retried twice with backoff.
   *
   * <p>Costs: 1 HTTPS request to the token endpoint (up to 3 on failures).
   *
   * @param refreshToken the refresh token of a hosted UI session
   * @return the new session; it keeps {@code refreshToken} unless the pool rotated it
   * @throws TokenRejectedException with reason {@link TokenRejectedException.Reason#REVOKED} if the
   *     endpoint refuses the refresh token ({@code invalid_grant}: revoked, expired or issued to
   *     another client), or the reason the new ID token fails verification
   * @throws FederatedSignInException for any other refusal ({@code invalid_client}...) or a
   *     malformed response
   * @throws ServiceUnavailableException if the endpoint stayed unreachable or failing
   * @throws ThrottledException if the endpoint kept answering HTTP 429
   * @throws InvalidRequestException if the refresh token is blank or implausibly long
   */
  public AuthSession refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new InvalidRequestException("refreshToken", RequestChecks.REQUIRED, "a refresh token is required");
    }
    if (refreshToken.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidRequestException("refreshToken", RequestChecks.MAX_LENGTH, "at most " + MAX_TOKEN_LENGTH + " characters");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId);
    form.put("refresh_token", refreshToken);
    TokenResponse tokens = postRefresh(form);
    VerifiedUser user = IdTokenChecks.verify(idTokenVerifier, clientId, tokens.idToken());
    return session(tokens, user, Optional.of(tokens.refreshToken().orElse(refreshToken)));
  }

  /**
   * Builds the hosted UI logout URL ({@code /logout?client_id=...&logout_uri=...}), which ends
   * the user's hosted UI session and redirects to {@code logoutRedirect}. Makes no network call.
   * It does not revoke refresh tokens; revoke them too when signing out.
   *
   * @param logoutRedirect one of the app client's allowed sign-out URLs
   * @return the URL to send the browser to
   * @throws InvalidRequestException if the URI is missing or not acceptable
   */
  public URI logoutUri(URI logoutRedirect) {
    RedirectUris.check("logoutRedirectUri", logoutRedirect);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", clientId);
    query.put("logout_uri", logoutRedirect.toString());
    return URI.create(endpoint("/logout") + "?" + FormEncoding.encode(query));
  }

  /**
   * Returns the user pool domain this instance talks to.
   *
   * @return the domain's base URI, without a trailing slash
   */
  public URI domain() {
    return domain;
  }

  private TokenResponse postRefresh(Map<String, String> form) {
    try {
      return tokenEndpoint.postRetryingUnavailable(form, REFRESH_ATTEMPTS, REFRESH_BACKOFF);
    } catch (TokenEndpointException e) {
      if (e.kind() == TokenEndpointException.Kind.REJECTED && e.error().equals("invalid_grant")) {
        throw new TokenRejectedException(TokenRejectedException.Reason.REVOKED,
            "the token endpoint refused the refresh token (invalid_grant): revoked, expired or issued to another client", e);
      }
      if (e.kind() != TokenEndpointException.Kind.UNAVAILABLE) {
        throw new FederatedSignInException(e.error(), "the refresh failed: " + e.getMessage(), e);
      }
      String message = "the token endpoint is unavailable for refresh: " + e.getMessage();
      if (e.status().orElse(0) == 429) {
        throw new ThrottledException(message, e);
      }
      throw new ServiceUnavailableException(message, e);
    }
  }

  private AuthSession session(TokenResponse tokens, VerifiedUser user, Optional<String> refreshToken) {
    Instant expiresAt = tokens.expiresInSeconds()
        .map(seconds -> clock.instant().plusSeconds(seconds))
        .filter(accessExpiry -> accessExpiry.isBefore(user.expiresAt()))
        .orElse(user.expiresAt());
    return AuthSession.builder()
        .idToken(tokens.idToken())
        .accessToken(tokens.accessToken())
        .refreshToken(refreshToken)
        .expiresAt(expiresAt)
        .user(user)
        .build();
  }

  private String endpoint(String path) {
    return domain + path;
  }

  /** Builds a {@link CognitoHostedUi}; {@code domain}, {@code clientId} and {@code tokenVerifier} are required. */
  public static final class Builder {
    private URI domain;
    private String clientId;
    private Optional<String> clientSecret = Optional.empty();
    private List<String> scopes = DEFAULT_SCOPES;
    private HttpClient httpClient;
    private Function<String, VerifiedUser> idTokenVerifier;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration requestTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Sets the user pool domain: {@code https://<prefix>.auth.<region>.amazoncognito.com} or a
     * custom domain such as {@code https://auth.example.com}.
     *
     * @param domain the domain's base URI ({@code http} only for loopback test servers)
     * @return this builder
     */
    public Builder domain(URI domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets the app client id.
     *
     * @param clientId the id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the app client secret, for app clients that have one; it is sent by HTTP Basic
     * authentication and never appears in messages.
     *
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Optional.ofNullable(clientSecret);
      return this;
    }

    /**
     * Sets the scopes to request; the default is {@link #DEFAULT_SCOPES}. {@code openid} is
     * required, since the sign-in is proven by the ID token.
     *
     * @param scopes the scopes, each allowed for the app client
     * @return this builder
     */
    public Builder scopes(List<String> scopes) {
      this.scopes = scopes == null ? null : List.copyOf(scopes);
      return this;
    }

    /**
     * Sets the HTTP client for the token endpoint; by default one is created (following no
     * redirects).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sets the verifier of the ID tokens the token endpoint returns; it must accept ID tokens of
     * this app client from this user pool.
     *
     * @param verifier the verifier
     * @return this builder
     */
    public Builder tokenVerifier(CognitoTokenVerifier verifier) {
      this.idTokenVerifier = verifier == null ? null : verifier::verify;
      return this;
    }

    /**
     * Sets the clock used for session expiry; the system UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the source of state, nonce and verifier values; a new {@link SecureRandom} by default.
     *
     * @param random the source
     * @return this builder
     */
    public Builder secureRandom(SecureRandom random) {
      this.random = random;
      return this;
    }

    /**
     * Sets the time allowed to connect to and get an answer from the token endpoint; 10 seconds
     * by default.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Builds the hosted UI client.
     *
     * @return the client
     * @throws InvalidRequestException naming the first missing or invalid setting
     */
    public CognitoHostedUi build() {
      URI base = HostedUiInputs.checkDomain(domain);
      HostedUiInputs.checkClientId(clientId);
      if (clientSecret.isPresent() && clientSecret.get().isBlank()) {
        throw new InvalidRequestException("clientSecret", RequestChecks.NOT_BLANK, "omit the secret for app clients without one");
      }
      HostedUiInputs.checkScopes(scopes);
      if (idTokenVerifier == null) {
        throw new InvalidRequestException("tokenVerifier", RequestChecks.REQUIRED, "a CognitoTokenVerifier for this pool and app client is required");
      }
      if (clock == null) {
        throw new InvalidRequestException("clock", RequestChecks.REQUIRED, "a clock is required");
      }
      if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new InvalidRequestException("requestTimeout", RequestChecks.POSITIVE, "a positive duration is required");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new CognitoHostedUi(this, base, idTokenVerifier);
    }
  }
}
