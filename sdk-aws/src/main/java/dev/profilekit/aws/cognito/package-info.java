/**
 * Cognito user pools, for authentication only: {@link dev.profilekit.aws.cognito.CognitoAuth}
 * makes the sign-up, sign-in, session and password calls and the user lookups of the fallback
 * profile, and {@link dev.profilekit.aws.cognito.CognitoErrors} maps Cognito failures to
 * ProfileKit exceptions.
 */
package dev.profilekit.aws.cognito;
