package dev.profilekit.testing.internal;

import dev.profilekit.AttributeMapper;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the fallback profile of a user without a stored one, through {@link AttributeMapper}:
 * from an ID token's attributes when there are any (no lookup, as in the AWS implementation),
 * else from the user's attributes in the directory.
 */
public final class FallbackProfiles {

  private final AttributeMapper mapper;
  private final UserDirectory directory;

  /**
   * Creates the builder of fallbacks.
   *
   * @param mapper the mapping
   * @param directory the user pool
   */
  public FallbackProfiles(AttributeMapper mapper, UserDirectory directory) {
    this.mapper = mapper;
    this.directory = directory;
  }

  /**
   * Returns the mapper.
   *
   * @return the mapper
   */
  public AttributeMapper mapper() {
    return mapper;
  }

  /**
   * Returns the fallback of a verified user.
   *
   * @param user the user
   * @return the fallback, never null
   */
  public UserProfile of(VerifiedUser user) {
    if (!user.attributes().isEmpty()) {
      return mapper.toFallbackProfile(user.userId(), idTokenAttributes(user), user.linkedIdentities(), Optional.empty());
    }
    UserProfile fromDirectory = ofUserId(user.userId());
    if (fromDirectory != null) {
      return fromDirectory;
    }
    Map<String, String> claims = new HashMap<>();
    user.email().ifPresent(email -> claims.put("email", email));
    return mapper.toFallbackProfile(user.userId(), claims, user.linkedIdentities(), Optional.empty());
  }

  /**
   * Returns the fallback of a user id from the directory.
   *
   * @param userId the user id
   * @return the fallback, or null when the directory has no such user
   */
  public UserProfile ofUserId(String userId) {
    UserRecord record = directory.byId(userId);
    if (record == null) {
      return null;
    }
    return mapper.toFallbackProfile(userId, record.attributes(), record.identities(), Optional.of(record.createdAt()));
  }

  /**
   * Returns an ID token user's attributes with the email claims, by Cognito name.
   *
   * @param user the user
   * @return the attributes
   */
  public static Map<String, String> idTokenAttributes(VerifiedUser user) {
    Map<String, String> attributes = new HashMap<>(user.attributes());
    user.email().ifPresent(email -> attributes.putIfAbsent("email", email));
    attributes.putIfAbsent("email_verified", Boolean.toString(user.emailVerified()));
    return attributes;
  }
}
