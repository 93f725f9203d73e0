package dev.profilekit.aws;

import dev.profilekit.aws.emulators.AwsAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUserGlobalSignOutRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GlobalSignOutRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;

/**
 * Stands in for AWS's {@code GlobalSignOut} and {@code AdminUserGlobalSignOut}, which
 * cognito-local lacks (HTTP 500 {@code Unsupported}), with {@link AwsAnswers}: both are answered
 * {@code 200 {}} as AWS answers them, and from then on a refresh with a refresh token the user got
 * at or before the sign-out's second is refused as AWS refuses it: {@code NotAuthorizedException}
 * "Refresh Token has been revoked" (the GlobalSignOut API reference: "Amazon Cognito no longer
 * accepts a signed-out user's refresh tokens in refresh requests"). {@code GetUser} with an access
 * token issued at or before the sign-out's second is refused too, as AWS refuses a signed-out
 * user's access tokens ({@code NotAuthorizedException} "Access Token has been revoked"): the
 * account export relies on that check for sign-outs ProfileKit did not record (cognito-local's
 * {@code GetUser} only decodes the token; {@code AccountExportIT} shows both).
 *
 * <p>Which user signed out is read from the request: the access token's {@code username} claim, or
 * the admin call's {@code Username}. cognito-local's refresh tokens are JWTs carrying {@code
 * cognito:username} and {@code iat} (AWS's are opaque), which is how a refresh is matched to a
 * sign-out. Used by the contract run on the emulators; {@code CognitoGapsIT} checks the raw gap
 * and the single-call answers.
 */
final class GlobalSignOutAsAws {

  private static final Pattern USERNAME = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern COGNITO_USERNAME = Pattern.compile("\"cognito:username\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ISSUED_AT = Pattern.compile("\"iat\"\\s*:\\s*(\\d+)");

  private final Clock clock;
  /** Epoch second of each user's last global sign-out, by username. */
  private final Map<String, Long> signedOutAt = new ConcurrentHashMap<>();

  /**
   * Creates the stand-in.
   *
   * @param clock the clock of the sign-outs (cognito-local stamps tokens with system time)
   */
  GlobalSignOutAsAws(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .answerWhen("GlobalSignOut", request -> signOut(claim(USERNAME, ((GlobalSignOutRequest) request).accessToken())), 200, "{}")
        .answerWhen("AdminUserGlobalSignOut", request -> signOut(((AdminUserGlobalSignOutRequest) request).username()), 200, "{}")
        .failWhen("InitiateAuth", this::refreshesARevokedToken, 400, "NotAuthorizedException", "Refresh Token has been revoked")
        .failWhen("GetUser", request -> revokesAccessToken(((GetUserRequest) request).accessToken()), 400,
            "NotAuthorizedException", "Access Token has been revoked");
  }

  /** Notes the sign-out; always answered. */
  private boolean signOut(String username) {
    if (username != null) {
      signedOutAt.put(username, clock.instant().getEpochSecond());
    }
    return true;
  }

  private boolean refreshesARevokedToken(SdkRequest request) {
    InitiateAuthRequest auth = (InitiateAuthRequest) request;
    if (auth.authFlow() != AuthFlowType.REFRESH_TOKEN_AUTH && auth.authFlow() != AuthFlowType.REFRESH_TOKEN) {
      return false;
    }
    return revokesRefreshToken(auth.authParameters().get("REFRESH_TOKEN"));
  }

  /**
   * Tells whether a global sign-out noted here revokes a cognito-local refresh token: one the user
   * got at or before the sign-out's second. {@link RefreshRotationAsAws} asks it for the sign-in
   * token behind a rotated one.
   *
   * @param refreshToken a cognito-local refresh token (a JWT)
   * @return true when AWS would refuse it
   */
  boolean revokesRefreshToken(String refreshToken) {
    String username = claim(COGNITO_USERNAME, refreshToken);
    Long signOut = username == null ? null : signedOutAt.get(username);
    String issuedAt = claim(ISSUED_AT, refreshToken);
    return signOut != null && issuedAt != null && Long.parseLong(issuedAt) <= signOut;
  }

  /** Whether a sign-out noted here revokes an access token: one issued at or before its second. */
  private boolean revokesAccessToken(String accessToken) {
    String username = claim(USERNAME, accessToken);
    Long signOut = username == null ? null : signedOutAt.get(username);
    String issuedAt = claim(ISSUED_AT, accessToken);
    return signOut != null && issuedAt != null && Long.parseLong(issuedAt) <= signOut;
  }

  /** Reads one claim of a JWT's payload, or null. */
  private static String claim(Pattern claim, String jwt) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Matcher matcher = claim.matcher(payload);
    return matcher.find() ? matcher.group(1) : null;
  }
}
