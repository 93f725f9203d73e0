/**
 * Federated sign-in through a Cognito user pool's hosted UI (Google, Sign in with Apple, OIDC and
 * SAML providers) and account linking for operators.
 *
 * <p>{@link dev.profilekit.aws.federated.CognitoHostedUi} runs the authorization-code flow with
 * PKCE; {@link dev.profilekit.aws.federated.AccountLinker} links a social identity to an existing
 * email user. See {@code docs/federated-sign-in.md}.
 */
package dev.profilekit.aws.federated;
