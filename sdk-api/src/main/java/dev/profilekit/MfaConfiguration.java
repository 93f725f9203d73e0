package dev.profilekit;

/**
 * A user pool's multi-factor authentication setting, as Cognito's {@code MfaConfiguration}
 * ({@code SetUserPoolMfaConfig}): which password sign-ins are followed by a second factor.
 *
 * <p>The in-memory service takes it from its builder; on AWS it is the user pool's own setting.
 * What follows a password under each value is described in {@code docs/sign-in.md}.
 */
public enum MfaConfiguration {
  /** No user is asked for a second factor. */
  OFF,
  /** Users who turned a second factor on are asked for it; the others sign in with the password alone. */
  OPTIONAL,
  /**
   * Every user must complete MFA: a user without a second factor the pool allows is asked to set
   * one up ({@link SignInStep.TotpSetup} for an authenticator app) before they are signed in.
   */
  ON
}
