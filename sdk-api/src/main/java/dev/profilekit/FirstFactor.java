package dev.profilekit;

/**
 * A way to start a choice-based sign-in ({@code USER_AUTH}): what {@link
 * SignInStep.SelectChallenge} offers and {@link SignInAnswer#firstFactor(FirstFactor)} or {@link
 * SignInAnswer#password(String)} chooses.
 */
public enum FirstFactor {
  /** The password, sent to Cognito over TLS ({@code PASSWORD}). */
  PASSWORD,
  /** The password, proven with SRP so that it never leaves the client ({@code PASSWORD_SRP}). */
  PASSWORD_SRP,
  /** A one-time code sent by email ({@code EMAIL_OTP}). */
  EMAIL_OTP,
  /** A one-time code sent by text message ({@code SMS_OTP}). */
  SMS_OTP,
  /** A passkey ({@code WEB_AUTHN}); the browser performs the ceremony. */
  WEB_AUTHN
}
