package dev.profilekit.aws.cognito;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code identities} attribute (and ID-token claim) Cognito keeps for federated users:
 * a JSON array of {@code {"userId", "providerName", "providerType", "dateCreated", ...}}.
 */
public final class CognitoIdentities {

  private CognitoIdentities() {}

  /**
   * Parses the attribute; malformed JSON or entries yield nothing rather than failing, because a
   * profile must stay readable whatever the pool holds.
   *
   * @param json the attribute value, may be null
   * @return the linked identities, possibly empty
   */
  public static List<LinkedIdentity> parse(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<Object> entries;
    try {
      entries = JSONArrayUtils.parse(json);
    } catch (ParseException e) {
      return List.of();
    }
    List<LinkedIdentity> identities = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        continue;
      }
      Object userId = map.get("userId");
      Object providerName = map.get("providerName");
      if (!(userId instanceof String id) || !(providerName instanceof String name)
          || id.isEmpty() || name.isBlank() || name.length() > 128) {
        continue;
      }
      Object type = map.get("providerType");
      LinkedIdentity.Builder identity = LinkedIdentity.builder()
          .provider(IdentityProvider.fromCognitoName(name, type instanceof String t ? t : null))
          .providerUserId(id);
      Object created = map.get("dateCreated");
      if (created instanceof Number millis) {
        identity.linkedAt(Instant.ofEpochMilli(millis.longValue()));
      } else if (created instanceof String text && text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() < 19) {
        identity.linkedAt(Instant.ofEpochMilli(Long.parseLong(text)));
      }
      identities.add(identity.build());
    }
    return identities;
  }
}
