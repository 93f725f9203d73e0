package dev.profilekit.aws.backfill.internal;

import dev.profilekit.AttributeMapper;
import dev.profilekit.ProfileSource;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.CognitoIdentities;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Turns a user as {@code ListUsers} returns it into the profile the backfill stores, through the
 * shared {@link AttributeMapper} and the service's {@link CognitoIdentities} parser, so the
 * backfill, the fallback and the fake agree on every field (an unreadable {@code identities}
 * attribute yields no linked identities, as in the fallback).
 */
public final class CognitoUserProfiles {

  /** Version of a profile row the backfill creates: the first stored version. */
  public static final long FIRST_VERSION = 1;

  private CognitoUserProfiles() {}

  /**
   * Returns the user's attributes by Cognito name.
   *
   * @param user the user
   * @return the attributes
   */
  public static Map<String, String> attributes(UserType user) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (AttributeType attribute : user.attributes()) {
      if (attribute.name() != null && attribute.value() != null) {
        attributes.put(attribute.name(), attribute.value());
      }
    }
    return attributes;
  }

  /**
   * Returns the user's id, the {@code sub} attribute.
   *
   * @param attributes the user's attributes
   * @return the sub, if the user has one
   */
  public static Optional<String> userId(Map<String, String> attributes) {
    return Optional.ofNullable(attributes.get("sub")).filter(sub -> !sub.isBlank());
  }

  /**
   * Builds the profile to store for a user.
   *
   * @param user the user as listed
   * @param userId the user's {@code sub}
   * @param attributes the user's attributes
   * @param mapper the shared attribute mapping
   * @param now the write time
   * @return the profile, source {@link ProfileSource#STORED}, version {@value #FIRST_VERSION}
   */
  public static UserProfile toStoredProfile(
      UserType user, String userId, Map<String, String> attributes, AttributeMapper mapper, Instant now) {
    return mapper.toProfileBuilder(userId, attributes)
        .linkedIdentities(CognitoIdentities.fromAttribute(attributes.get("identities")))
        .createdAt(Optional.ofNullable(user.userCreateDate()).orElse(now))
        .updatedAt(now)
        .version(FIRST_VERSION)
        .source(ProfileSource.STORED)
        .build();
  }
}
