/**
 * Internal: Cognito user pools, for authentication only. {@link
 * dev.profilekit.aws.cognito.internal.CognitoAuth} makes the sign-up, sign-in, session and password
 * calls and the user lookups of the fallback profile, and {@link
 * dev.profilekit.aws.cognito.internal.CognitoErrors} maps Cognito failures to ProfileKit exceptions.
 * Not part of ProfileKit's API: the module does not export this package (docs/decisions.md), and it
 * may change in any release.
 */
package dev.profilekit.aws.cognito.internal;
