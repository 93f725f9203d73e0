package dev.profilekit.aws.federated.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.internal.ProviderText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts grants to a Cognito user pool domain's {@code /oauth2/token} endpoint and reads the
 * answer. Does not retry: an authorization code is single-use, so only the caller knows whether
 * repeating a request is safe.
 */
public final class TokenEndpoint {

  /** Cognito's token responses are a few KB; anything far larger is not one and is not buffered. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private final HttpClient http;
  private final URI tokenUri;
  private final Optional<String> basicAuthorization;
  private final Duration requestTimeout;

  /**
   * Creates the client.
   *
   * @param http the HTTP client
   * @param tokenUri the token endpoint
   * @param clientId the app client id
   * @param clientSecret the app client secret, if the client has one (sent by HTTP Basic)
   * @param requestTimeout the time allowed for one request
   */
  public TokenEndpoint(HttpClient http, URI tokenUri, String clientId, Optional<String> clientSecret, Duration requestTimeout) {
    this.http = Objects.requireNonNull(http);
    this.tokenUri = Objects.requireNonNull(tokenUri);
    this.requestTimeout = Objects.requireNonNull(requestTimeout);
    // RFC 6749 section 2.3.1: id and secret are form-encoded before being joined for Basic auth.
    this.basicAuthorization = clientSecret.map(secret -> "Basic " + Base64.getEncoder().encodeToString(
        (FormEncoding.encodeComponent(clientId) + ":" + FormEncoding.encodeComponent(secret)).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Posts one grant.
   *
   * @param form the grant's parameters
   * @return the tokens
   * @throws TokenEndpointException if no tokens were issued
   */
  public TokenResponse post(Map<String, String> form) throws TokenEndpointException {
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri)
        .timeout(requestTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form), StandardCharsets.UTF_8));
    basicAuthorization.ifPresent(value -> request.header("Authorization", value));
    int status;
    byte[] body;
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
      }
    } catch (IOException e) {
      throw unavailable("the token endpoint could not be reached: " + e.getClass().getSimpleName(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for the token endpoint", 0, e);
    }
    if (status >= 500 || status == 429) {
      throw unavailable("the token endpoint answered HTTP " + status, status, null);
    }
    if (body.length > MAX_RESPONSE_BYTES) {
      throw invalid("the token endpoint's response exceeds " + MAX_RESPONSE_BYTES + " bytes", status, null);
    }
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      // The parse error's message may quote the body, which may hold tokens: keep it out.
      throw invalid("the token endpoint's HTTP " + status + " response is not a JSON object", status, null);
    }
    if (status != 200) {
      String error = ProviderText.errorCodeOr(stringMember(json, "error").orElse(null), "invalid_token_response");
      throw new TokenEndpointException(TokenEndpointException.Kind.REJECTED, error, status,
          "the token endpoint refused the grant: HTTP " + status + " " + error, null);
    }
    Optional<String> idToken = stringMember(json, "id_token");
    Optional<String> accessToken = stringMember(json, "access_token");
    if (idToken.isEmpty() || accessToken.isEmpty()) {
      throw invalid("the token response lacks an id_token or access_token (is the openid scope allowed for the app client?)", status, null);
    }
    Optional<String> tokenType = stringMember(json, "token_type");
    if (tokenType.isPresent() && !tokenType.get().equalsIgnoreCase("Bearer")) {
      // Never echo the value: an endpoint that reflects the request would put the code, the PKCE
      // verifier and the Basic credentials into the message.
      throw invalid("the token response's token_type is not Bearer", status, null);
    }
    Object expiresIn = json.get("expires_in");
    Optional<Long> lifetime = expiresIn instanceof Number number && number.longValue() > 0
        ? Optional.of(number.longValue()) : Optional.empty();
    return new TokenResponse(idToken.get(), accessToken.get(), stringMember(json, "refresh_token"), lifetime);
  }

  /**
   * Posts a grant that is safe to repeat (a refresh), repeating it while the endpoint is
   * unavailable, with exponential backoff.
   *
   * @param form the grant's parameters
   * @param attempts the maximum number of requests, at least 1
   * @param firstBackoff the pause after the first failure, doubled after each further one
   * @return the tokens
   * @throws TokenEndpointException the last failure, or the first that is not unavailability
   */
  public TokenResponse postRetryingUnavailable(Map<String, String> form, int attempts, Duration firstBackoff)
      throws TokenEndpointException {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return post(form);
      } catch (TokenEndpointException e) {
        if (e.kind() != TokenEndpointException.Kind.UNAVAILABLE || attempt >= attempts || !pause(backoff)) {
          throw e;
        }
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<String> stringMember(Map<String, Object> json, String name) {
    Object value = json.get(name);
    return value instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
  }

  private static TokenEndpointException unavailable(String message, int status, Throwable cause) {
    return new TokenEndpointException(TokenEndpointException.Kind.UNAVAILABLE, "token_endpoint_unavailable", status, message, cause);
  }

  private static TokenEndpointException invalid(String message, int status, Throwable cause) {
    return new TokenEndpointException(TokenEndpointException.Kind.INVALID_RESPONSE, "invalid_token_response", status, message, cause);
  }
}
