/**
 * The backfill job: copies every existing Cognito user into the profile table without ever
 * overwriting a stored profile, resumable from a checkpoint.
 *
 * <p>Start at {@link dev.profilekit.aws.backfill.ProfileBackfill}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    defaultAsDefault = true,
    depluralize = true,
    depluralizeDictionary = {"failure:failures"})
package dev.profilekit.aws.backfill;

import org.immutables.value.Value;
