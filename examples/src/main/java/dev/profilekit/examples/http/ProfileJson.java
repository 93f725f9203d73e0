package dev.profilekit.examples.http;

import dev.profilekit.FieldValue;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between the HTTP API's JSON (maps and lists as parsed by nimbus's {@code
 * JSONObjectUtils}) and ProfileKit's types.
 *
 * <p>A {@code PATCH} body is merge-patch-like: a standard field with a string sets it and with
 * {@code null} removes it; {@code preferences} and {@code customFields} are objects whose entries
 * are set, or removed when {@code null}; {@code subscription} is an object or {@code null} (and
 * admin-only, so a user's request is refused with 403 by the service's policy). Fields the user
 * cannot edit (email, version...) and unknown fields are refused with 400 rather than ignored, so a
 * typo never looks like success.
 */
final class ProfileJson {

  /** Read-only fields a client may echo back from a GET; named in the 400 so the fix is obvious. */
  private static final Set<String> READ_ONLY = Set.of("userId", "email", "emailVerified", "emailIsPrivateRelay",
      "linkedIdentities", "version", "createdAt", "updatedAt", "source");

  private ProfileJson() {}

  static Map<String, Object> toJson(UserProfile profile) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", profile.userId());
    profile.email().ifPresent(email -> json.put("email", email));
    json.put("emailVerified", profile.emailVerified());
    json.put("emailIsPrivateRelay", profile.emailIsPrivateRelay());
    for (ProfileField field : ProfileField.values()) {
      profile.get(field).ifPresent(value -> json.put(field.attributeName(), value));
    }
    json.put("preferences", toJson(profile.preferences()));
    json.put("customFields", toJson(profile.customFields()));
    profile.subscription().ifPresent(subscription -> json.put("subscription", toJson(subscription)));
    List<Object> identities = new ArrayList<>();
    for (LinkedIdentity identity : profile.linkedIdentities()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("provider", identity.provider().name());
      entry.put("providerUserId", identity.providerUserId());
      identities.add(entry);
    }
    json.put("linkedIdentities", identities);
    json.put("version", profile.version());
    profile.createdAt().ifPresent(at -> json.put("createdAt", at.toString()));
    profile.updatedAt().ifPresent(at -> json.put("updatedAt", at.toString()));
    json.put("source", profile.source().name());
    return json;
  }

  private static Map<String, Object> toJson(Subscription subscription) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plan", subscription.plan());
    json.put("status", subscription.status().name());
    subscription.currentPeriodEnd().ifPresent(end -> json.put("currentPeriodEnd", end.toString()));
    subscription.externalCustomerId().ifPresent(id -> json.put("externalCustomerId", id));
    return json;
  }

  private static Map<String, Object> toJson(Map<String, FieldValue> values) {
    Map<String, Object> json = new LinkedHashMap<>();
    values.forEach((name, value) -> json.put(name, toJson(value)));
    return json;
  }

  static Object toJson(FieldValue value) {
    if (value instanceof FieldValue.Text text) {
      return text.value();
    } else if (value instanceof FieldValue.Number number) {
      BigDecimal decimal = number.value();
      // Whole numbers print as 42, not 4.2E+1 (what BigDecimal.toString gives after normalisation).
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException notALong) {
        return decimal;
      }
    } else if (value instanceof FieldValue.Bool bool) {
      return bool.value();
    } else if (value instanceof FieldValue.ListValue list) {
      List<Object> json = new ArrayList<>();
      list.values().forEach(element -> json.add(toJson(element)));
      return json;
    } else {
      return toJson(((FieldValue.MapValue) value).values());
    }
  }

  static ProfileUpdate toUpdate(Map<String, Object> body, Optional<Long> expectedVersion) {
    ProfileUpdate.Builder update = ProfileUpdate.builder();
    expectedVersion.ifPresent(update::expectedVersion);
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Optional<ProfileField> standard = standardField(key);
      if (standard.isPresent()) {
        if (value == null) {
          update.remove(standard.get());
        } else if (value instanceof String text) {
          update.set(standard.get(), text);
        } else {
          throw HttpProblem.invalid(key, "type", key + " is a string, or null to remove it");
        }
      } else if (key.equals("preferences")) {
        entries(key, value).forEach((name, v) -> {
          if (v == null) {
            update.removePreference(name);
          } else {
            update.preference(name, toFieldValue(key + "." + name, v, 1));
          }
        });
      } else if (key.equals("customFields")) {
        entries(key, value).forEach((name, v) -> {
          if (v == null) {
            update.removeCustomField(name);
          } else {
            update.customField(name, toFieldValue(key + "." + name, v, 1));
          }
        });
      } else if (key.equals("subscription")) {
        if (value == null) {
          update.removeSubscription();
        } else {
          update.subscription(toSubscription(value));
        }
      } else if (READ_ONLY.contains(key)) {
        throw HttpProblem.invalid(key, "read-only", key + " cannot be changed through a profile update");
      } else {
        throw HttpProblem.invalid(key, "unknown-field", "not a profile field");
      }
    }
    return update.build();
  }

  private static Optional<ProfileField> standardField(String key) {
    for (ProfileField field : ProfileField.values()) {
      if (field.attributeName().equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entries(String key, Object value) {
    if (!(value instanceof Map)) {
      throw HttpProblem.invalid(key, "type", key + " is an object of names to values (null removes one)");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static FieldValue toFieldValue(String field, Object value, int depth) {
    // The policy bounds nesting too; stopping here keeps a deeply nested body from costing more.
    if (depth > ProfilePolicy.MAX_DEPTH) {
      throw HttpProblem.invalid(field, "max-depth", "values nest at most " + ProfilePolicy.MAX_DEPTH + " levels");
    }
    if (value instanceof String text) {
      return FieldValue.of(text);
    } else if (value instanceof Boolean bool) {
      return FieldValue.of(bool);
    } else if (value instanceof Long number) {
      return FieldValue.of(number);
    } else if (value instanceof Number number) {
      // The JSON parser reads non-integers as doubles; Double.toString keeps the shortest exact text.
      return FieldValue.of(new BigDecimal(number.toString()));
    } else if (value instanceof List<?> list) {
      List<FieldValue> elements = new ArrayList<>();
      for (Object element : list) {
        if (element == null) {
          throw HttpProblem.invalid(field, "no-null", "lists cannot contain null");
        }
        elements.add(toFieldValue(field, element, depth + 1));
      }
      return FieldValue.list(elements);
    } else if (value instanceof Map<?, ?> map) {
      Map<String, FieldValue> entries = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        if (entry.getValue() == null) {
          throw HttpProblem.invalid(field, "no-null", "values inside a map cannot be null");
        }
        entries.put(entry.getKey(), toFieldValue(field, entry.getValue(), depth + 1));
      }
      return FieldValue.map(entries);
    }
    throw HttpProblem.invalid(field, "type", "a string, number, boolean, list or object");
  }

  @SuppressWarnings("unchecked")
  private static Subscription toSubscription(Object value) {
    if (!(value instanceof Map)) {
      throw HttpProblem.invalid("subscription", "type", "subscription is an object, or null to remove it");
    }
    Map<String, Object> json = (Map<String, Object>) value;
    Subscription.Builder subscription = Subscription.builder()
        .plan(string(json, "plan", true))
        .status(status(string(json, "status", true)));
    String end = string(json, "currentPeriodEnd", false);
    if (end != null) {
      try {
        subscription.currentPeriodEnd(Instant.parse(end));
      } catch (DateTimeParseException e) {
        throw HttpProblem.invalid("subscription.currentPeriodEnd", "instant", "an ISO-8601 instant such as 2027-01-31T00:00:00Z");
      }
    }
    String customer = string(json, "externalCustomerId", false);
    if (customer != null) {
      subscription.externalCustomerId(customer);
    }
    for (String key : json.keySet()) {
      if (!Set.of("plan", "status", "currentPeriodEnd", "externalCustomerId").contains(key)) {
        throw HttpProblem.invalid("subscription." + key, "unknown-field", "not a subscription field");
      }
    }
    return subscription.build();
  }

  private static String string(Map<String, Object> json, String key, boolean required) {
    Object value = json.get(key);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw HttpProblem.invalid("subscription." + key, required ? "required" : "type", "subscription." + key + " is a string");
    }
    return text;
  }

  private static SubscriptionStatus status(String status) {
    try {
      return SubscriptionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpProblem.invalid("subscription.status", "enum", "one of TRIALING, ACTIVE, PAST_DUE, CANCELED, EXPIRED");
    }
  }
}
