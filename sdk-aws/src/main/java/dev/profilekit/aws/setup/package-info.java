/**
 * Creates and checks the profile table: on-demand capacity, the key schema ProfileKit expects,
 * point-in-time recovery and deletion protection.
 *
 * <p>Start at {@link dev.profilekit.aws.setup.ProfileTableSetup}.
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
    defaultAsDefault = true)
package dev.profilekit.aws.setup;

import org.immutables.value.Value;
