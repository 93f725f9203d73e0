package dev.profilekit.aws.backfill.internal;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.profilekit.AttributeMapper;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileSource;
import dev.profilekit.UserProfile;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Turns a user as {@code ListUsers} returns it into the profile the backfill stores, through the
 * shared {@link AttributeMapper} so the backfill, the fallback and the fake agree on every field.
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
   * @throws IllegalArgumentException if the {@code identities} attribute is not the JSON Cognito
   *     writes; the message quotes nothing from it
   */
  public static UserProfile toStoredProfile(
      UserType user, String userId, Map<String, String> attributes, AttributeMapper mapper, Instant now) {
    return mapper.toProfileBuilder(userId, attributes)
        .linkedIdentities(linkedIdentities(attributes.get("identities")))
        .createdAt(Optional.ofNullable(user.userCreateDate()).orElse(now))
        .updatedAt(now)
        .version(FIRST_VERSION)
        .source(ProfileSource.STORED)
        .build();
  }

  /**
   * Parses Cognito's {@code identities} attribute, a JSON array such as {@code
   * [{"userId":"1045","providerName":"Google","providerType":"Google","primary":true,
   * "dateCreated":1642699117273}]}.
   *
   * @param json the attribute's value, or null
   * @return the linked identities, empty when the attribute is absent
   * @throws IllegalArgumentException if the value is not that JSON
   */
  public static List<LinkedIdentity> linkedIdentities(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<Object> entries;
    try {
      entries = JSONArrayUtils.parse(json);
    } catch (ParseException e) {
      // The cause is dropped: its message can quote the attribute's text.
      throw new IllegalArgumentException("the identities attribute is not a JSON array");
    }
    List<LinkedIdentity> identities = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("an identities entry is not a JSON object");
      }
      Object providerName = map.get("providerName");
      Object providerUserId = map.get("userId");
      if (!(providerName instanceof String name) || name.isBlank() || !(providerUserId instanceof String id) || id.isBlank()) {
        throw new IllegalArgumentException("an identities entry lacks providerName or userId");
      }
      Object providerType = map.get("providerType");
      IdentityProvider provider;
      try {
        provider = IdentityProvider.fromCognitoName(name, providerType instanceof String type ? type : null);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("an identities entry has an invalid providerName");
      }
      LinkedIdentity.Builder identity = LinkedIdentity.builder().provider(provider).providerUserId(id);
      if (map.get("dateCreated") instanceof Number created) {
        identity.linkedAt(Instant.ofEpochMilli(created.longValue()));
      }
      identities.add(identity.build());
    }
    return identities;
  }
}
