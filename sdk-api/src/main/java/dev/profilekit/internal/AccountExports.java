package dev.profilekit.internal;

import dev.profilekit.AccountExport;
import dev.profilekit.FieldValue;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.Subscription;
import dev.profilekit.UserAccount;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account export document ({@value AccountExport#FORMAT}, version {@value
 * AccountExport#VERSION}), written once from ProfileKit's own value types for both implementations,
 * so that the same user gives the same document from the fake and from AWS. The layout is the one
 * {@code docs/account-lifecycle.md} describes member by member; change both together, and the
 * version when a reader of version 1 would misread the new document.
 *
 * <p>Members are written in a fixed order, name-keyed maps (attributes, preferences, custom fields)
 * in name order, groups sorted: the same data always gives the same text. Absent optional values
 * are {@code null}, so every version-1 document of one scope has the same members.
 */
public final class AccountExports {

  /** The {@code scope} of an export the user made with their own session. */
  public static final String SCOPE_SELF = "self";

  /** The {@code scope} of an export an administrator made by user id. */
  public static final String SCOPE_ADMIN = "admin";

  private AccountExports() {}

  /**
   * The user's own export: what Cognito's {@code GetUser} returns with their access token (the
   * username and attributes), and their stored profile.
   *
   * @param userId the user's id (the verified token's {@code sub})
   * @param username the user pool's username
   * @param attributes every attribute by its Cognito name
   * @param storedProfile the stored profile, if any
   * @param exportedAt when the export is made
   * @return the export
   */
  public static AccountExport ofSelf(String userId, String username, Map<String, String> attributes,
      Optional<UserProfile> storedProfile, Instant exportedAt) {
    Map<String, Object> cognito = new LinkedHashMap<>();
    cognito.put("username", username);
    cognito.put("attributes", new TreeMap<>(attributes));
    return export(SCOPE_SELF, userId, cognito, storedProfile, exportedAt);
  }

  /**
   * An administrator's export: the account as {@code AdminGetUser} and {@code
   * AdminListGroupsForUser} describe it, and the stored profile.
   *
   * @param account the account
   * @param storedProfile the stored profile, if any
   * @param exportedAt when the export is made
   * @return the export
   */
  public static AccountExport ofAdmin(UserAccount account, Optional<UserProfile> storedProfile, Instant exportedAt) {
    Map<String, Object> cognito = new LinkedHashMap<>();
    cognito.put("username", account.username());
    cognito.put("attributes", new TreeMap<>(account.attributes()));
    cognito.put("enabled", account.enabled());
    cognito.put("status", account.status().name());
    cognito.put("createdAt", instant(account.createdAt()));
    List<String> groups = new ArrayList<>(account.groups());
    groups.sort(null);
    cognito.put("groups", groups);
    return export(SCOPE_ADMIN, account.userId(), cognito, storedProfile, exportedAt);
  }

  private static AccountExport export(String scope, String userId, Map<String, Object> cognito,
      Optional<UserProfile> storedProfile, Instant exportedAt) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", AccountExport.FORMAT);
    document.put("version", (long) AccountExport.VERSION);
    document.put("scope", scope);
    document.put("exportedAt", exportedAt.toString());
    document.put("userId", userId);
    document.put("cognito", cognito);
    document.put("profile", storedProfile.map(AccountExports::profile).orElse(null));
    return AccountExport.builder()
        .userId(userId)
        .exportedAt(exportedAt)
        .hasStoredProfile(storedProfile.isPresent())
        .json(JsonWriter.write(document))
        .build();
  }

  private static Map<String, Object> profile(UserProfile profile) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("email", profile.email().orElse(null));
    members.put("emailVerified", profile.emailVerified());
    members.put("displayName", profile.displayName().orElse(null));
    members.put("givenName", profile.givenName().orElse(null));
    members.put("familyName", profile.familyName().orElse(null));
    members.put("avatarUrl", profile.avatarUrl().orElse(null));
    members.put("locale", profile.locale().orElse(null));
    members.put("zoneinfo", profile.zoneinfo().orElse(null));
    members.put("preferences", values(profile.preferences()));
    members.put("customFields", values(profile.customFields()));
    members.put("subscription", profile.subscription().map(AccountExports::subscription).orElse(null));
    List<Object> identities = new ArrayList<>();
    for (LinkedIdentity identity : profile.linkedIdentities()) {
      Map<String, Object> linked = new LinkedHashMap<>();
      linked.put("provider", identity.provider().name());
      linked.put("providerUserId", identity.providerUserId());
      linked.put("linkedAt", instant(identity.linkedAt()));
      identities.add(linked);
    }
    members.put("linkedIdentities", identities);
    members.put("version", profile.version());
    members.put("createdAt", instant(profile.createdAt()));
    members.put("updatedAt", instant(profile.updatedAt()));
    return members;
  }

  private static Map<String, Object> subscription(Subscription subscription) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("plan", subscription.plan());
    members.put("status", subscription.status().name());
    members.put("currentPeriodEnd", instant(subscription.currentPeriodEnd()));
    members.put("externalCustomerId", subscription.externalCustomerId().orElse(null));
    return members;
  }

  private static Map<String, Object> values(Map<String, FieldValue> values) {
    Map<String, Object> members = new TreeMap<>();
    values.forEach((name, value) -> members.put(name, value(value)));
    return members;
  }

  /**
   * A typed value as its JSON counterpart: text a string, number a number (its exact decimal),
   * boolean a boolean, list an array, map an object; so the JSON type is the field's type.
   *
   * @param value the value
   * @return what {@link JsonWriter} writes for it
   */
  static Object value(FieldValue value) {
    if (value instanceof FieldValue.Text text) {
      return text.value();
    }
    if (value instanceof FieldValue.Number number) {
      return number.value();
    }
    if (value instanceof FieldValue.Bool bool) {
      return bool.value();
    }
    if (value instanceof FieldValue.ListValue list) {
      List<Object> elements = new ArrayList<>(list.values().size());
      list.values().forEach(element -> elements.add(value(element)));
      return elements;
    }
    Map<String, Object> members = new TreeMap<>();
    ((FieldValue.MapValue) value).values().forEach((name, element) -> members.put(name, value(element)));
    return members;
  }

  private static String instant(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
