package dev.profilekit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The package's Immutables style, except for the generated builder's names: {@link
 * ProfileUpdate.Builder} does not extend the generated builder ({@code typeInnerBuilder} names no
 * class there) but delegates to it, so that its replace-all methods ({@code setCustomFields(Map)}
 * ...) are not public API.
 *
 * <p>Source retention on purpose: a {@code @Value.Style} on {@code ProfileUpdate} itself would be
 * kept in its class file, and consumers, who have no Immutables on their class path, would get one
 * "Cannot find annotation method" warning per attribute.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    allowedClasspathAnnotations = Override.class,
    // Builders fail one way (docs/decisions.md): a missing value is an InvalidRequestException.
    throwForInvalidImmutableState = InvalidRequestException.class,
    typeBuilder = "UpdateBuilder",
    typeInnerBuilder = "GeneratedBuilderBase",
    builder = "updateBuilder",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    defaultAsDefault = true,
    depluralize = true,
    depluralizeDictionary = {
      "setField:setFields",
      "removeField:removeFields",
      "setPreference:setPreferences",
      "removePreference:removePreferences",
      "setCustomField:setCustomFields",
      "removeCustomField:removeCustomFields"
    })
@interface ProfileUpdateStyle {}
