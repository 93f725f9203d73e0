/**
 * ProfileKit's public API: sign users in with Amazon Cognito and keep their profiles in DynamoDB.
 *
 * <p>Start at {@link dev.profilekit.UserProfileService}. Value types are immutable and built with
 * {@code builder()}; every failure is a subclass of {@link dev.profilekit.ProfileKitException}.
 * Nothing in this package depends on the AWS SDK.
 */
// allowedClasspathAnnotations: only @Override (always present) may be added to generated code, so it
// carries no @org.immutables.value.Generated, which consumers (Immutables is provided scope) cannot
// resolve: -Xlint:all printed "Cannot find annotation method" and broke -Werror builds.
@Value.Style(
    allowedClasspathAnnotations = Override.class,
    // Builders fail one way (docs/decisions.md): a missing value is an InvalidRequestException.
    throwForInvalidImmutableState = InvalidRequestException.class,
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    defaultAsDefault = true,
    redactedMask = "****",
    depluralize = true,
    depluralizeDictionary = {
      "linkedIdentity:linkedIdentities",
      "customField:customFields",
      "preference:preferences",
      "group:groups",
      "scope:scopes",
      "setField:setFields",
      "removeField:removeFields",
      "setPreference:setPreferences",
      "removePreference:removePreferences",
      "setCustomField:setCustomFields",
      "removeCustomField:removeCustomFields",
      "profile:profiles",
      "attribute:attributes"
    })
package dev.profilekit;

import org.immutables.value.Value;
