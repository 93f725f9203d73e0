package dev.profilekit.aws.jwt;

/**
 * Told about each real fetch of a user pool's key set (JWKS) by a {@link CognitoTokenVerifier}:
 * one call per HTTP request to the key endpoint, successful or not. Answers from the verifier's
 * key cache and fetches refused by the cool-down are not fetches and are not reported, so a count
 * of these calls is the load the verifier puts on the key endpoint.
 *
 * <p>For metrics (the Spring Boot starter counts them as {@code profilekit.jwks.fetch}). Called on
 * the verifying thread, after the fetch; keep it cheap. Whatever it throws is ignored: a metric
 * must not decide whether a token verifies.
 */
@FunctionalInterface
public interface KeySetFetchListener {

  /**
   * Called after one fetch of a pool's key set.
   *
   * @param issuer the user pool's issuer, as configured on the verifier
   * @param succeeded true if a key set was read; false if the request failed (connection,
   *     timeout, HTTP status, or a body that is not a key set)
   */
  void keySetFetched(String issuer, boolean succeeded);
}
