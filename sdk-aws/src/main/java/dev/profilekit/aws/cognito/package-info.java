/**
 * Cognito sign-in options a consumer chooses: {@link dev.profilekit.aws.cognito.PasswordAuthFlow}
 * selects how a password is sent to Cognito (SRP or the plain {@code USER_PASSWORD_AUTH} flow).
 * The calls themselves live in the unexported {@code dev.profilekit.aws.cognito.internal} package.
 */
package dev.profilekit.aws.cognito;
