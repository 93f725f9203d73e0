/**
 * Federated sign-in through a Cognito user pool's hosted UI (Google, Sign in with Apple, OIDC and
 * SAML providers) and account linking for operators.
 *
 * <p>{@link dev.profilekit.aws.federated.CognitoHostedUi} runs the authorization-code flow with
 * PKCE; {@link dev.profilekit.aws.federated.AccountLinker} links a social identity to an existing
 * email user. See {@code docs/federated-sign-in.md}.
 */
// allowedClasspathAnnotations: only @Override (always present) may be added to generated code, so it
// carries no @org.immutables.value.Generated, which consumers (Immutables is provided scope) cannot
// resolve: -Xlint:all printed "Cannot find annotation method" and broke -Werror builds.
@Value.Style(
    allowedClasspathAnnotations = Override.class,
    // Builders fail one way (docs/decisions.md): a missing value is an InvalidRequestException.
    throwForInvalidImmutableState = dev.profilekit.InvalidRequestException.class,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    defaultAsDefault = true,
    redactedMask = "****")
package dev.profilekit.aws.federated;

import org.immutables.value.Value;
