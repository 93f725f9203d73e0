package dev.profilekit.aws.cognito;

/** How a password sign-in proves the password to Cognito. */
public enum PasswordAuthFlow {
  /**
   * {@code USER_SRP_AUTH}, the default: the password never leaves the client; Cognito checks a
   * Secure Remote Password proof. Allowed by Cognito's default app client settings.
   */
  USER_SRP_AUTH,
  /**
   * {@code USER_PASSWORD_AUTH}: the password is sent to Cognito over TLS. One call instead of two;
   * the app client must allow {@code ALLOW_USER_PASSWORD_AUTH}.
   */
  USER_PASSWORD_AUTH
}
