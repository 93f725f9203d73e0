package dev.profilekit.aws.federated;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cognito user pool domain on loopback, for sdk-aws's tests: {@code /oauth2/token} (authorization code with
 * PKCE S256, refresh token), client authentication, single-use codes, RS256 ID tokens signed by a
 * key whose set is served at {@code /<poolId>/.well-known/jwks.json}, as Cognito's issuer does.
 * {@link #authorize(URI, Map)} plays the browser and the provider: it checks the authorize URL and
 * returns the callback URI Cognito would redirect to.
 */
public final class LoopbackCognitoDomain implements AutoCloseable {

  /** The user pool id in the issuer, {@code <domain>/<POOL_ID>}. */
  public static final String POOL_ID = "eu-west-1_Loopback1";

  /** One key per JVM: generating a 2048-bit RSA key costs a few hundred milliseconds. */
  private static final RSAKey SHARED_KEY = generateKey();

  private final HttpServer server;
  private final RSAKey publishedKey;
  private volatile RSAKey signingKey;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> refreshTokens = new ConcurrentHashMap<>();
  private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private volatile int failureStatus = 503;
  private volatile String idTokenAudienceOverride;
  private volatile String nonceOverride;
  private volatile boolean hang;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();

  private record PendingCode(String challenge, String redirectUri, String nonce, Map<String, Object> claims) {}

  /**
   * Starts the domain on a free loopback port.
   *
   * @param clientId the app client id it accepts and issues tokens to
   * @param clientSecret the client secret it requires by HTTP Basic, or null for a public client
   * @throws IOException if the server cannot start
   */
  public LoopbackCognitoDomain(String clientId, String clientSecret) throws IOException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.publishedKey = SHARED_KEY;
    this.signingKey = SHARED_KEY;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth2/token", this::token);
    server.createContext("/" + POOL_ID + "/.well-known/jwks.json",
        exchange -> respond(exchange, 200, new JWKSet(publishedKey.toPublicJWK()).toString()));
    // Several threads, so that a hanging answer does not hold up the next request.
    server.setExecutor(executor);
    server.start();
  }

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("loopback-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The domain's base URI, for {@code CognitoHostedUi.builder().domain(...)}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI domain() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The issuer of the tokens it signs.
   *
   * @return {@code <domain>/<POOL_ID>}
   */
  public String issuer() {
    return domain() + "/" + POOL_ID;
  }

  /**
   * Where its key set is served.
   *
   * @return {@code <issuer>/.well-known/jwks.json}
   */
  public URI jwksUri() {
    return URI.create(issuer() + "/.well-known/jwks.json");
  }

  /**
   * The claims of a new Google user with this email, as Cognito puts them in the ID token.
   *
   * @param email the Google account's email
   * @return claims with a fresh {@code sub} and Google user id
   */
  public static Map<String, Object> googleUser(String email) {
    String googleId = String.valueOf(100000000000000000L + (long) (Math.random() * 899999999999999999L));
    return Map.of(
        "sub", UUID.randomUUID().toString(),
        "cognito:username", "Google_" + googleId,
        "email", email,
        "email_verified", true,
        "name", "Ada Lovelace",
        "given_name", "Ada",
        "family_name", "Lovelace",
        "identities", List.of(Map.of("userId", googleId, "providerName", "Google", "providerType", "Google",
            "primary", "true", "dateCreated", "1700000000000")));
  }

  /** Signs tokens with another key from now on; the published key set stays the same. */
  void signWith(RSAKey key) {
    this.signingKey = key;
  }

  /** The forms posted to the token endpoint, in order. */
  List<Map<String, String>> tokenRequests() {
    return tokenRequests;
  }

  /** The Authorization headers of token requests ("" when absent), in order. */
  List<String> authorizationHeaders() {
    return authorizationHeaders;
  }

  /** The next {@code count} token requests get {@code status} with an empty body. */
  void failNext(int count, int status) {
    this.failureStatus = status;
    failuresToServe.set(count);
  }

  /** ID tokens are issued to this audience instead of the client. */
  void issueIdTokensTo(String audience) {
    this.idTokenAudienceOverride = audience;
  }

  /** ID tokens carry this nonce instead of the authorize request's. */
  void issueNonce(String nonce) {
    this.nonceOverride = nonce;
  }

  /** Token requests from now on are accepted but never answered (until close). */
  void hang() {
    this.hang = true;
  }

  /** Stops answering: connections are refused from now on. */
  void stop() {
    server.stop(0);
  }

  /** Stops the server and releases hanging requests. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Checks an authorize URL as Cognito would, "signs the user in" with {@code claims}, and returns
   * the callback URI with a fresh single-use code and the request's state.
   *
   * @param authorizeUrl the URL the browser was sent to
   * @param claims the user's ID-token claims ({@code sub}, {@code cognito:username}, {@code email}...)
   * @return the callback URI
   */
  public URI authorize(URI authorizeUrl, Map<String, Object> claims) {
    Map<String, String> query = parseForm(authorizeUrl.getRawQuery());
    require(authorizeUrl.getPath().equals("/oauth2/authorize"), "path " + authorizeUrl.getPath());
    require("code".equals(query.get("response_type")), "response_type");
    require(clientId.equals(query.get("client_id")), "client_id");
    require("S256".equals(query.get("code_challenge_method")), "code_challenge_method");
    require(query.get("code_challenge") != null, "code_challenge");
    require(query.get("identity_provider") != null, "identity_provider");
    require(List.of(query.get("scope").split(" ")).contains("openid"), "scope openid");
    String code = UUID.randomUUID().toString();
    codes.put(code, new PendingCode(query.get("code_challenge"), query.get("redirect_uri"), query.get("nonce"), claims));
    return URI.create(query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("authorize URL rejected: " + what);
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (hang) {
        awaitClose();
        return;
      }
      if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        respond(exchange, failureStatus, "");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")
          || !"application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        respond(exchange, 400, "{\"error\":\"invalid_request\"}");
        return;
      }
      Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      tokenRequests.add(form);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizationHeaders.add(authorization == null ? "" : authorization);
      if (!clientAuthenticated(form, authorization)) {
        respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        return;
      }
      switch (form.getOrDefault("grant_type", "")) {
        case "authorization_code" -> exchangeCode(exchange, form);
        case "refresh_token" -> refresh(exchange, form);
        default -> respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
      }
    }
  }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean clientAuthenticated(Map<String, String> form, String authorization) {
    if (clientSecret == null) {
      return clientId.equals(form.get("client_id")) && authorization == null;
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    return expected.equals(authorization) && (form.get("client_id") == null || clientId.equals(form.get("client_id")));
  }

  private void exchangeCode(HttpExchange exchange, Map<String, String> form) throws IOException {
    // remove(): a code is good for one exchange, whatever its outcome.
    PendingCode pending = form.get("code") == null ? null : codes.remove(form.get("code"));
    if (pending == null) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !s256(verifier).equals(pending.challenge()) || !pending.redirectUri().equals(form.get("redirect_uri"))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String refreshToken = "refresh-" + UUID.randomUUID();
    refreshTokens.put(refreshToken, pending.claims());
    String nonce = nonceOverride != null ? nonceOverride : pending.nonce();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id_token", idToken(pending.claims(), nonce));
    body.put("access_token", accessToken(pending.claims()));
    body.put("refresh_token", refreshToken);
    body.put("expires_in", 3600);
    body.put("token_type", "Bearer");
    respond(exchange, 200, JSONObjectUtils.toJSONString(body));
  }

  private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
    Map<String, Object> claims = form.get("refresh_token") == null ? null : refreshTokens.get(form.get("refresh_token"));
    if (claims == null) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id_token", idToken(claims, null));
    body.put("access_token", accessToken(claims));
    body.put("expires_in", 3600);
    body.put("token_type", "Bearer");
    respond(exchange, 200, JSONObjectUtils.toJSONString(body));
  }

  /** Signs an ID token as Cognito would issue it for these user claims. */
  String idToken(Map<String, Object> claims, String nonce) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience(idTokenAudienceOverride != null ? idTokenAudienceOverride : clientId)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("token_use", "id")
        .claim("auth_time", now.getEpochSecond());
    claims.forEach(builder::claim);
    if (nonce != null) {
      builder.claim("nonce", nonce);
    }
    return sign(builder.build());
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs an access token as Cognito would issue it to this user. */
  private String accessToken(Map<String, Object> claims) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject(String.valueOf(claims.get("sub")))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .jwtID(UUID.randomUUID().toString())
        .claim("client_id", clientId)
        .claim("token_use", "access")
        .claim("scope", "openid email profile aws.cognito.signin.user.admin")
        .claim("username", claims.get("cognito:username"))
        .claim("auth_time", now.getEpochSecond());
    return sign(builder.build());
  }

  static Map<String, String> parseForm(String raw) {
    Map<String, String> form = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return form;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
