package dev.profilekit.aws.cognito.internal;

import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.internal.RequestChecks;
import java.util.Objects;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SMSMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaSettingsType;

/**
 * Sets a user's second factors: {@code AdminSetUserMFAPreference} for the admin view, {@code
 * SetUserMFAPreference} with the user's access token. An {@link MfaPreference} is the whole state,
 * so every request carries all three settings (SMS, TOTP, email), each {@code Enabled} or not and
 * at most one {@code PreferredMfa}: a method left out is turned off, as on the in-memory service.
 *
 * <p>Thread-safe; the client is not closed by this class.
 */
public final class CognitoMfaPreferences {

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;

  /**
   * Creates the calls.
   *
   * @param cognito the Cognito client, not closed here
   * @param userPoolId the user pool
   */
  public CognitoMfaPreferences(CognitoIdentityProviderClient cognito, String userPoolId) {
    this.cognito = Objects.requireNonNull(cognito, "cognito is required");
    this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId is required");
  }

  /**
   * Sets a user's second factors as an administrator ({@code AdminSetUserMFAPreference}).
   *
   * @param username the Cognito username (or the user's {@code sub}, which the API also takes)
   * @param preference the whole new state
   */
  public void setForUser(String username, MfaPreference preference) {
    String user = CredentialChecks.username(username);
    MfaPreference checked = RequestChecks.required(preference, "preference");
    AppClient.call(CognitoOperation.ADMIN_SET_USER_MFA_PREFERENCE, () -> cognito.adminSetUserMFAPreference(b -> b
        .userPoolId(userPoolId).username(user)
        .smsMfaSettings(sms(checked)).softwareTokenMfaSettings(totp(checked)).emailMfaSettings(email(checked))));
  }

  /**
   * Sets the signed-in user's second factors ({@code SetUserMFAPreference}).
   *
   * @param accessToken the user's access token
   * @param preference the whole new state
   */
  public void setWithToken(String accessToken, MfaPreference preference) {
    String token = CredentialChecks.token("accessToken", accessToken);
    MfaPreference checked = RequestChecks.required(preference, "preference");
    AppClient.call(CognitoOperation.SET_USER_MFA_PREFERENCE, () -> cognito.setUserMFAPreference(b -> b
        .accessToken(token)
        .smsMfaSettings(sms(checked)).softwareTokenMfaSettings(totp(checked)).emailMfaSettings(email(checked))));
  }

  private static SMSMfaSettingsType sms(MfaPreference preference) {
    return SMSMfaSettingsType.builder().enabled(on(preference, MfaMethod.SMS)).preferredMfa(preferred(preference, MfaMethod.SMS)).build();
  }

  private static SoftwareTokenMfaSettingsType totp(MfaPreference preference) {
    return SoftwareTokenMfaSettingsType.builder().enabled(on(preference, MfaMethod.TOTP))
        .preferredMfa(preferred(preference, MfaMethod.TOTP)).build();
  }

  private static EmailMfaSettingsType email(MfaPreference preference) {
    return EmailMfaSettingsType.builder().enabled(on(preference, MfaMethod.EMAIL))
        .preferredMfa(preferred(preference, MfaMethod.EMAIL)).build();
  }

  private static boolean on(MfaPreference preference, MfaMethod method) {
    return preference.methods().contains(method);
  }

  private static boolean preferred(MfaPreference preference, MfaMethod method) {
    return preference.preferred().filter(method::equals).isPresent();
  }
}
