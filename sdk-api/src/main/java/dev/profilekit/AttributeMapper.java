package dev.profilekit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a user's Cognito attributes (or an ID token's claims, which use the same names) into a
 * {@link UserProfile}: the one mapping shared by the fallback profile, the backfill job and the
 * in-memory service, so that every path yields the same profile for the same user.
 *
 * <p>Mapping: {@code email}, {@code email_verified}, {@code name} (display name), {@code
 * given_name}, {@code family_name}, {@code picture} (avatar URL), {@code locale}, {@code
 * zoneinfo}; each {@code custom:x} whose {@code x} is a valid field name becomes the text custom
 * field {@code x}. When {@code name} is missing, the display name is the given and family names
 * joined. A value that breaks a {@link ProfilePolicy} rule (an {@code http} picture, say) is left
 * out rather than failing: a fallback must always be readable. Provider differences are absorbed
 * here: Google sends {@code name} and {@code picture}; Apple sends a private relay email and a
 * name only on the first sign-in; email users have what they typed at sign-up.
 */
public final class AttributeMapper {

  private static final String CUSTOM_PREFIX = "custom:";
  private static final Pattern CUSTOM_FIELD_NAME = Pattern.compile(ProfilePolicy.NAME_PATTERN);
  private static final AttributeMapper DEFAULT = new AttributeMapper(ProfilePolicy.defaults());

  private final ProfilePolicy policy;

  private AttributeMapper(ProfilePolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns the mapper that checks values against the default policy.
   *
   * @return the mapper
   */
  public static AttributeMapper defaults() {
    return DEFAULT;
  }

  /**
   * Returns a mapper that checks values against the given policy.
   *
   * @param policy the policy
   * @return the mapper
   */
  public static AttributeMapper withPolicy(ProfilePolicy policy) {
    return new AttributeMapper(Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Builds the fallback profile of a user who has no stored profile.
   *
   * @param userId the user's id (Cognito {@code sub})
   * @param attributes the user's attributes by Cognito name
   * @param linkedIdentities the user's external identities
   * @param createdAt when the user was created, if known
   * @return a profile with source {@link ProfileSource#FALLBACK} and version 0
   */
  public UserProfile toFallbackProfile(
      String userId, Map<String, String> attributes, List<LinkedIdentity> linkedIdentities, Optional<Instant> createdAt) {
    return toProfileBuilder(userId, attributes)
        .linkedIdentities(linkedIdentities)
        .createdAt(createdAt)
        .source(ProfileSource.FALLBACK)
        .version(0)
        .build();
  }

  /**
   * Maps attributes onto a profile builder with the user id set and nothing else decided, for
   * callers (the backfill) that complete it themselves.
   *
   * @param userId the user's id
   * @param attributes the user's attributes by Cognito name
   * @return a builder holding the mapped fields
   */
  public UserProfile.Builder toProfileBuilder(String userId, Map<String, String> attributes) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(attributes, "attributes");
    UserProfile.Builder builder = UserProfile.builder().userId(userId);
    text(attributes, "email").ifPresent(builder::email);
    builder.emailVerified("true".equalsIgnoreCase(attributes.get("email_verified")));
    Optional<String> given = valid(ProfileField.GIVEN_NAME, attributes.get("given_name"));
    Optional<String> family = valid(ProfileField.FAMILY_NAME, attributes.get("family_name"));
    builder.givenName(given).familyName(family);
    Optional<String> name = valid(ProfileField.DISPLAY_NAME, attributes.get("name"));
    builder.displayName(name.isPresent() ? name : valid(ProfileField.DISPLAY_NAME, joinNames(given, family)));
    builder.avatarUrl(valid(ProfileField.AVATAR_URL, attributes.get("picture")));
    builder.locale(valid(ProfileField.LOCALE, attributes.get("locale")));
    builder.zoneinfo(valid(ProfileField.ZONEINFO, attributes.get("zoneinfo")));
    attributes.forEach((attribute, value) -> {
      if (attribute.startsWith(CUSTOM_PREFIX) && value != null) {
        String field = attribute.substring(CUSTOM_PREFIX.length());
        if (CUSTOM_FIELD_NAME.matcher(field).matches() && validCustom(field, value)) {
          builder.putCustomField(field, FieldValue.of(value));
        }
      }
    });
    return builder;
  }

  /**
   * Builds the patch that brings what an identity provider says now into a stored profile without
   * overwriting anything: only fields the stored profile lacks are set. This is how an Apple name,
   * sent only on the first sign-in, is captured once and never erased by later sign-ins, and how a
   * value the user edited always wins over the provider's.
   *
   * @param stored the stored profile
   * @param attributes the provider's attributes at this sign-in
   * @return the patch (possibly empty), with the stored version as expected version
   */
  public ProfileUpdate fillMissingFields(UserProfile stored, Map<String, String> attributes) {
    UserProfile mapped = toProfileBuilder(stored.userId(), attributes).source(ProfileSource.FALLBACK).build();
    ProfileUpdate.Builder update = ProfileUpdate.builder().expectedVersion(stored.version());
    for (ProfileField field : ProfileField.values()) {
      if (stored.get(field).isEmpty()) {
        mapped.get(field).ifPresent(value -> update.set(field, value));
      }
    }
    return update.build();
  }

  private Optional<String> valid(ProfileField field, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      policy.validateAdminUpdate(ProfileUpdate.builder().set(field, value).build());
      return Optional.of(value);
    } catch (InvalidProfileException invalid) {
      return Optional.empty();
    }
  }

  private boolean validCustom(String field, String value) {
    try {
      policy.validateAdminUpdate(ProfileUpdate.builder().customField(field, FieldValue.of(value)).build());
      return true;
    } catch (InvalidProfileException invalid) {
      return false;
    }
  }

  private static String joinNames(Optional<String> given, Optional<String> family) {
    return (given.orElse("") + " " + family.orElse("")).trim();
  }

  private static Optional<String> text(Map<String, String> attributes, String name) {
    return Optional.ofNullable(attributes.get(name)).filter(value -> !value.isBlank());
  }
}
