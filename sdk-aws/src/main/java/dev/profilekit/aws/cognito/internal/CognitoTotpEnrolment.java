package dev.profilekit.aws.cognito.internal;

import dev.profilekit.InvalidCodeException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.TotpUris;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Enrols a signed-in user's authenticator app with their access token: {@code
 * AssociateSoftwareToken} (a new secret, shown as an {@code otpauth://} URI), then {@code
 * VerifySoftwareToken} with the app's first code. Turning TOTP on is {@code SetUserMFAPreference}
 * ({@link CognitoMfaPreferences}), as the API references split it.
 *
 * <p>Thread-safe; the client is not closed by this class.
 */
public final class CognitoTotpEnrolment {

  private final AppClient app;
  private final String issuer;

  CognitoTotpEnrolment(AppClient app, String issuer) {
    this.app = app;
    this.issuer = issuer;
  }

  /**
   * Starts an enrolment ({@code AssociateSoftwareToken} with the access token).
   *
   * @param accessToken the user's access token
   * @param account the user's name in the app (their email)
   * @return the secret and its URI
   */
  public TotpEnrolment start(String accessToken, String account) {
    String token = CredentialChecks.token("accessToken", accessToken);
    AssociateSoftwareTokenResponse associated = AppClient.call(CognitoOperation.ASSOCIATE_SOFTWARE_TOKEN,
        () -> app.cognito().associateSoftwareToken(b -> b.accessToken(token)));
    String secret = associated.secretCode();
    if (secret == null || secret.isEmpty()) {
      throw new ProfileKitException("Cognito's AssociateSoftwareToken returned no secret");
    }
    return TotpEnrolment.of(TotpUris.otpauthUri(issuer, account, secret), secret);
  }

  /**
   * Confirms the enrolment ({@code VerifySoftwareToken} with the access token).
   *
   * @param accessToken the user's access token
   * @param code the app's current code
   */
  public void verify(String accessToken, String code) {
    String token = CredentialChecks.token("accessToken", accessToken);
    String checked = MfaChallenges.code(code);
    VerifySoftwareTokenResponse verified = AppClient.call(CognitoOperation.VERIFY_SOFTWARE_TOKEN,
        () -> app.cognito().verifySoftwareToken(b -> b.accessToken(token).userCode(checked)));
    // AWS answers a wrong code with an error, but the API also has Status=ERROR for it.
    if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
      throw new InvalidCodeException("The authenticator app's code was not accepted");
    }
  }

  @Override
  public String toString() {
    return "CognitoTotpEnrolment[" + issuer + "]";
  }
}
