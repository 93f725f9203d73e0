package dev.profilekit.aws.cognito.internal;

import dev.profilekit.ProfileKitException;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenResponse;

/**
 * The refresh flow of app clients with refresh token rotation: {@code GetTokensFromRefreshToken},
 * which answers with new ID and access tokens and, when the app client rotates, a new refresh
 * token, invalidating the one sent ({@code InitiateAuth} {@code REFRESH_TOKEN_AUTH} is refused on
 * such a client). On a client without rotation it answers no refresh token and the old one stays
 * valid, so this flow works on both.
 *
 * <p>The app client secret, when there is one, is sent as {@code ClientSecret} itself, as the API
 * reference asks (no {@code SECRET_HASH}, so no username is needed). Failures are mapped by {@link
 * CognitoErrors}: a replaced token ({@code RefreshTokenReuseException}) and an invalid or revoked one
 * ({@code NotAuthorizedException}) are {@code REVOKED}. Thread-safe; the client is not closed here.
 */
public final class RotatingRefresh {

  private final CognitoIdentityProviderClient cognito;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;

  /**
   * Creates the flow.
   *
   * @param cognito the Cognito client (not closed here)
   * @param clientId the app client id
   * @param clientSecret the app client secret, or null when the app client has none
   * @param clock the clock token expiry is computed by
   * @throws dev.profilekit.InvalidRequestException naming the first missing setting
   */
  public RotatingRefresh(CognitoIdentityProviderClient cognito, String clientId, String clientSecret, Clock clock) {
    this.cognito = RequestChecks.required(cognito, "cognito");
    this.clientId = RequestChecks.requiredText(clientId, "clientId");
    this.clientSecret = clientSecret;
    this.clock = RequestChecks.required(clock, "clock");
  }

  /**
   * Gets fresh tokens ({@code GetTokensFromRefreshToken}).
   *
   * @param refreshToken the session's refresh token
   * @return the new tokens; {@link CognitoTokens#refreshToken()} holds the replacement when the app
   *     client rotated the token, and is empty when it does not rotate
   * @throws dev.profilekit.TokenRejectedException ({@code REVOKED}) if the refresh token was
   *     replaced, revoked or is unknown
   */
  public CognitoTokens refresh(String refreshToken) {
    String token = CredentialChecks.token("refreshToken", refreshToken);
    GetTokensFromRefreshTokenResponse response = AppClient.call(CognitoOperation.GET_TOKENS_FROM_REFRESH_TOKEN,
        () -> cognito.getTokensFromRefreshToken(b -> b.clientId(clientId).clientSecret(clientSecret).refreshToken(token)));
    if (response.authenticationResult() == null) {
      throw new ProfileKitException("Cognito GetTokensFromRefreshToken returned no tokens");
    }
    return AppClient.tokens(response.authenticationResult(), clock);
  }

  @Override
  public String toString() {
    return "RotatingRefresh[" + clientId + (clientSecret == null ? "" : ", secret ****") + "]";
  }
}
