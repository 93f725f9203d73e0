package dev.profilekit;

/**
 * A second factor Cognito can ask for after the password: what {@link SignInStep.SelectMfa}
 * offers and {@link SignInAnswer#mfa(MfaMethod)} chooses.
 */
public enum MfaMethod {
  /** A code sent by text message ({@code SMS_MFA}). */
  SMS("SMS_MFA"),
  /** A code from an authenticator app ({@code SOFTWARE_TOKEN_MFA}). */
  TOTP("SOFTWARE_TOKEN_MFA"),
  /** A code sent by email ({@code EMAIL_OTP}). */
  EMAIL("EMAIL_OTP");

  private final String challengeName;

  MfaMethod(String challengeName) {
    this.challengeName = challengeName;
  }

  /**
   * Returns Cognito's name of the challenge this method answers, as used in {@code
   * SELECT_MFA_TYPE} and {@code MFAS_CAN_CHOOSE}.
   *
   * @return for example {@code SOFTWARE_TOKEN_MFA}
   */
  public String challengeName() {
    return challengeName;
  }
}
