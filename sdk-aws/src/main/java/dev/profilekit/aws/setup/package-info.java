/**
 * Creates and checks the profile table: on-demand capacity, the key schema ProfileKit expects,
 * point-in-time recovery and deletion protection.
 *
 * <p>Start at {@link dev.profilekit.aws.setup.ProfileTableSetup}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    defaultAsDefault = true)
package dev.profilekit.aws.setup;

import org.immutables.value.Value;
