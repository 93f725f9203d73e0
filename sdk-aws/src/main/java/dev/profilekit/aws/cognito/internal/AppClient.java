package dev.profilekit.aws.cognito.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * The user pool app client the sign-in flows talk to, with what every flow needs: the {@code
 * SECRET_HASH} when the client has a secret, tokens from an authentication result, and error
 * mapping.
 *
 * @param cognito the Cognito client (not closed here)
 * @param userPoolId the pool id
 * @param clientId the app client id
 * @param clientSecret the app client secret, or null
 * @param clock the clock token expiry is computed by
 */
record AppClient(CognitoIdentityProviderClient cognito, String userPoolId, String clientId, String clientSecret, Clock clock) {

  /** Adds the {@code SECRET_HASH} of the username when the app client has a secret. */
  void putSecretHash(Map<String, String> parameters, String username) {
    if (clientSecret != null) {
      parameters.put("SECRET_HASH", SecretHash.of(clientSecret, username, clientId));
    }
  }

  CognitoTokens tokens(AuthenticationResultType result) {
    return tokens(result, clock);
  }

  static CognitoTokens tokens(AuthenticationResultType result, Clock clock) {
    int expiresIn = result.expiresIn() == null ? 3600 : result.expiresIn();
    return new CognitoTokens(result.idToken(), result.accessToken(), Optional.ofNullable(result.refreshToken()),
        clock.instant().plusSeconds(expiresIn));
  }

  static <T> T call(CognitoOperation operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw CognitoErrors.map(operation, e);
    }
  }

  @Override
  public String toString() {
    return "AppClient[" + userPoolId + ", " + clientId + (clientSecret == null ? "" : ", secret ****") + "]";
  }
}
