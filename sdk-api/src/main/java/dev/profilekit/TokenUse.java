package dev.profilekit;

/** The kind of Cognito token, as its {@code token_use} claim says. */
public enum TokenUse {
  /** An OpenID Connect ID token: carries the user's attributes, audience is the app client. */
  ID,
  /** An OAuth 2.0 access token: carries scopes and groups, {@code client_id} is the app client. */
  ACCESS
}
