package dev.profilekit;

/** Where a user account stands in the user pool (Cognito's {@code UserStatus}). */
public enum AccountStatus {
  /** Signed up, sign-up not confirmed yet. */
  UNCONFIRMED,
  /** Confirmed, signs in with their password. */
  CONFIRMED,
  /** Created by an administrator: the first sign-in must replace the temporary password. */
  FORCE_CHANGE_PASSWORD,
  /** An administrator forced a password reset: sign-in fails until the user resets it. */
  RESET_REQUIRED,
  /** Signs in through an external identity provider (Google, Apple, ...). */
  EXTERNAL_PROVIDER,
  /** A status this version of ProfileKit does not know. */
  OTHER
}
