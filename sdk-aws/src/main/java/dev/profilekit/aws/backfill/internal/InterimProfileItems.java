package dev.profilekit.aws.backfill.internal;

import dev.profilekit.UserProfile;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stand-in for the profile item codec of {@code dev.profilekit.aws.dynamodb}, which is being
 * written in parallel: encodes only the text fields, so the backfill can be exercised until the
 * real codec replaces this class.
 */
public final class InterimProfileItems {

  private InterimProfileItems() {}

  /**
   * Encodes a profile's key, text fields and bookkeeping attributes.
   *
   * @param profile the profile
   * @return the item
   */
  public static Map<String, AttributeValue> encode(UserProfile profile) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", AttributeValue.fromS(profile.userId()));
    profile.email().ifPresent(email -> item.put("email", AttributeValue.fromS(email)));
    item.put("emailVerified", AttributeValue.fromBool(profile.emailVerified()));
    profile.displayName().ifPresent(name -> item.put("displayName", AttributeValue.fromS(name)));
    profile.givenName().ifPresent(name -> item.put("givenName", AttributeValue.fromS(name)));
    profile.familyName().ifPresent(name -> item.put("familyName", AttributeValue.fromS(name)));
    item.put("version", AttributeValue.fromN(Long.toString(profile.version())));
    profile.createdAt().ifPresent(at -> item.put("createdAt", AttributeValue.fromS(at.toString())));
    profile.updatedAt().ifPresent(at -> item.put("updatedAt", AttributeValue.fromS(at.toString())));
    return item;
  }
}
