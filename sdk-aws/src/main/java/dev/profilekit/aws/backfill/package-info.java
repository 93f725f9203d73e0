/**
 * The backfill job: copies every existing Cognito user into the profile table without ever
 * overwriting a stored profile, resumable from a checkpoint.
 *
 * <p>Start at {@link dev.profilekit.aws.backfill.ProfileBackfill}.
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
    depluralize = true,
    depluralizeDictionary = {"failure:failures"})
package dev.profilekit.aws.backfill;

import org.immutables.value.Value;
