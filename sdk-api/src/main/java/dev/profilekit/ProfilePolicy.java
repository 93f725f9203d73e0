package dev.profilekit;

import dev.profilekit.internal.ItemSize;
import dev.profilekit.internal.ProviderText;
import dev.profilekit.internal.RequestChecks;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every profile update must meet, and which custom fields only admins may write.
 *
 * <p>One policy is shared by every {@link UserProfileService} implementation, so the in-memory
 * service and the AWS one reject exactly the same inputs, before any state changes. The rules:
 *
 * <ul>
 *   <li>names (display, given, family): 1 to {@value #MAX_NAME_LENGTH} characters, not blank, no
 *       control characters;
 *   <li>avatar URL: an absolute {@code https} URL with a host and no user info, at most {@value
 *       #MAX_URL_LENGTH} characters;
 *   <li>locale: a well-formed BCP 47 language tag (at most 35 characters); zoneinfo: an IANA zone
 *       id known to the JVM;
 *   <li>custom field and preference names: {@value #NAME_PATTERN}; at most {@value
 *       #MAX_ENTRIES_PER_UPDATE} of each set per update;
 *   <li>values: text up to {@value #MAX_TEXT_LENGTH} characters of well-formed UTF-16; numbers
 *       DynamoDB can store (38 significant digits, magnitude 1E-130 to 1E+126); lists and maps up to
 *       {@value #MAX_COLLECTION_SIZE} entries; nesting at most {@value #MAX_DEPTH} levels; map keys
 *       1 to 64 characters and never {@code __proto__}; one value at most {@value #MAX_VALUE_BYTES} bytes encoded;
 *   <li>the whole update at most {@value #MAX_UPDATE_BYTES} bytes encoded, and a stored profile at
 *       most {@value #MAX_ITEM_BYTES} bytes, DynamoDB's 400 KB item limit counted as DynamoDB counts
 *       it (attribute names and values, UTF-8): exactly the limit is stored, a byte more is not, on
 *       the in-memory service and on AWS alike;
 *   <li>a field may not be both set and removed in one update; an expected version is not negative;
 *   <li>the subscription and custom fields registered with {@link
 *       Builder#adminOnlyCustomField(String)} are admin-only.
 * </ul>
 *
 * <p>Failures name the field and the rule ({@link InvalidProfileException}) or the admin-only field
 * ({@link ForbiddenFieldException}); they never echo the rejected value. A custom field or
 * preference with a malformed name is reported by its path ({@code customFields.<name>}, the name
 * with control characters replaced): a name is no secret, and the path says which entry to fix.
 */
public final class ProfilePolicy {

  /** Longest display, given or family name, in characters. */
  public static final int MAX_NAME_LENGTH = 128;
  /** The one map key refused whatever its shape: JavaScript's JSON readers treat it as the prototype. */
  private static final String PROTOTYPE_KEY = "__proto__";
  /** Longest avatar URL, in characters. */
  public static final int MAX_URL_LENGTH = 2048;
  /** Longest locale tag, in characters. */
  public static final int MAX_LOCALE_LENGTH = 35;
  /** What custom field and preference names must look like. */
  public static final String NAME_PATTERN = "[a-z][A-Za-z0-9_]{0,63}";
  /** Most custom fields, or preferences, one update may set. */
  public static final int MAX_ENTRIES_PER_UPDATE = 64;
  /** Longest text value, in characters. */
  public static final int MAX_TEXT_LENGTH = 4096;
  /** Most elements of a list or entries of a map value. */
  public static final int MAX_COLLECTION_SIZE = 100;
  /** Deepest nesting of a value: a scalar is depth 1, a list of scalars depth 2. */
  public static final int MAX_DEPTH = 5;
  /** Largest encoded size of one value, in bytes. */
  public static final int MAX_VALUE_BYTES = 16 * 1024;
  /** Largest encoded size of one update, in bytes. */
  public static final int MAX_UPDATE_BYTES = 64 * 1024;
  /**
   * Largest stored profile, in bytes: DynamoDB's 400 KB item limit, the item's attribute names
   * and values counted in UTF-8 as DynamoDB counts them.
   */
  public static final int MAX_ITEM_BYTES = ItemSize.MAX_ITEM_BYTES;
  /** Longest subscription plan id, in characters. */
  public static final int MAX_PLAN_LENGTH = 64;
  /** Longest external customer id, in characters. */
  public static final int MAX_EXTERNAL_ID_LENGTH = 255;

  private static final Pattern FIELD_NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern PLAN = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_PLAN_LENGTH + "}");
  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E+126");
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
  private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();
  private static final ProfilePolicy DEFAULTS = builder().build();

  private final Set<String> adminOnlyCustomFields;

  private ProfilePolicy(Builder builder) {
    this.adminOnlyCustomFields = Set.copyOf(builder.adminOnlyCustomFields);
  }

  /**
   * Returns the policy with no admin-only custom fields.
   *
   * @return the default policy
   */
  public static ProfilePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder, to register admin-only custom fields.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether a custom field is admin-only.
   *
   * @param customFieldName the custom field's name
   * @return true when only {@link ProfileAdmin} may write it
   */
  public boolean isAdminOnly(String customFieldName) {
    return adminOnlyCustomFields.contains(customFieldName);
  }

  /**
   * Returns the custom fields only admins may write.
   *
   * @return the names
   */
  public Set<String> adminOnlyCustomFields() {
    return adminOnlyCustomFields;
  }

  /**
   * Checks an update a user makes to their own profile.
   *
   * @param update the update
   * @throws ForbiddenFieldException if it writes an admin-only field
   * @throws InvalidProfileException if it breaks a rule
   */
  public void validateUserUpdate(ProfileUpdate update) {
    Objects.requireNonNull(update, "update");
    if (update.subscription().isPresent() || update.removeSubscription()) {
      throw new ForbiddenFieldException("subscription");
    }
    for (String name : update.setCustomFields().keySet()) {
      if (isAdminOnly(name)) {
        throw new ForbiddenFieldException("customFields." + name);
      }
    }
    for (String name : update.removeCustomFields()) {
      if (isAdminOnly(name)) {
        throw new ForbiddenFieldException("customFields." + name);
      }
    }
    validateContent(update);
  }

  /**
   * Checks an update made through the admin view, where admin-only fields are allowed.
   *
   * @param update the update
   * @throws InvalidProfileException if it breaks a rule
   */
  public void validateAdminUpdate(ProfileUpdate update) {
    Objects.requireNonNull(update, "update");
    validateContent(update);
  }

  /**
   * Checks a whole profile, as the backfill or a first write is about to store it.
   *
   * @param profile the profile
   * @throws InvalidProfileException if a field breaks a rule or the item would be too large
   */
  public void validateProfile(UserProfile profile) {
    Objects.requireNonNull(profile, "profile");
    for (ProfileField field : ProfileField.values()) {
      profile.get(field).ifPresent(value -> checkStandardField(field, value));
    }
    profile.preferences().forEach((name, value) -> checkEntry("preferences", name, value));
    profile.customFields().forEach((name, value) -> checkEntry("customFields", name, value));
    profile.subscription().ifPresent(ProfilePolicy::checkSubscription);
    ItemSize.check(profile);
  }

  private void validateContent(ProfileUpdate update) {
    update.expectedVersion().ifPresent(version -> {
      if (version < 0) {
        throw new InvalidProfileException("expectedVersion", RequestChecks.NOT_NEGATIVE, "a version is 0 or more");
      }
    });
    update.setFields().forEach(ProfilePolicy::checkStandardField);
    for (ProfileField field : update.removeFields()) {
      if (update.setFields().containsKey(field)) {
        throw setAndRemoved(field.attributeName());
      }
    }
    checkEntries("preferences", update.setPreferences(), update.removePreferences());
    checkEntries("customFields", update.setCustomFields(), update.removeCustomFields());
    if (update.subscription().isPresent() && update.removeSubscription()) {
      throw setAndRemoved("subscription");
    }
    update.subscription().ifPresent(ProfilePolicy::checkSubscription);
    if (ProfileSize.of(update) > MAX_UPDATE_BYTES) {
      throw new InvalidProfileException("update", RequestChecks.MAX_UPDATE_SIZE, "an update is at most " + MAX_UPDATE_BYTES + " bytes encoded");
    }
  }

  private static void checkEntries(String group, Map<String, FieldValue> set, Set<String> remove) {
    if (set.size() > MAX_ENTRIES_PER_UPDATE) {
      throw new InvalidProfileException(group, RequestChecks.MAX_ENTRIES_PER_UPDATE, "an update sets at most " + MAX_ENTRIES_PER_UPDATE + " " + group);
    }
    if (remove.size() > MAX_ENTRIES_PER_UPDATE) {
      throw new InvalidProfileException(group, RequestChecks.MAX_ENTRIES_PER_UPDATE, "an update removes at most " + MAX_ENTRIES_PER_UPDATE + " " + group);
    }
    set.forEach((name, value) -> checkEntry(group, name, value));
    for (String name : remove) {
      checkName(group, name);
      if (set.containsKey(name)) {
        throw setAndRemoved(group + "." + name);
      }
    }
  }

  private static void checkEntry(String group, String name, FieldValue value) {
    checkName(group, name);
    String field = group + "." + name;
    checkValue(field, value, 1);
    if (ProfileSize.of(value) > MAX_VALUE_BYTES) {
      throw new InvalidProfileException(field, RequestChecks.MAX_VALUE_SIZE, "a value is at most " + MAX_VALUE_BYTES + " bytes encoded");
    }
  }

  private static void checkName(String group, String name) {
    if (name == null || !FIELD_NAME.matcher(name).matches()) {
      // The path names the offending entry; a name is no secret, but it is caller text, so it is
      // cleaned (control characters, length) before it reaches a message.
      String field = name == null ? group : group + "." + ProviderText.printable(name);
      throw new InvalidProfileException(field, RequestChecks.NAME_PATTERN, "names match " + NAME_PATTERN);
    }
  }

  private static void checkValue(String field, FieldValue value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidProfileException(field, RequestChecks.MAX_DEPTH, "values nest at most " + MAX_DEPTH + " levels");
    }
    if (value instanceof FieldValue.Text text) {
      checkText(field, text.value());
    } else if (value instanceof FieldValue.Number number) {
      checkNumber(field, number.value());
    } else if (value instanceof FieldValue.ListValue list) {
      if (list.values().size() > MAX_COLLECTION_SIZE) {
        throw new InvalidProfileException(field, RequestChecks.MAX_COLLECTION_SIZE, "a list has at most " + MAX_COLLECTION_SIZE + " elements");
      }
      for (FieldValue element : list.values()) {
        checkValue(field, element, depth + 1);
      }
    } else if (value instanceof FieldValue.MapValue map) {
      if (map.values().size() > MAX_COLLECTION_SIZE) {
        throw new InvalidProfileException(field, RequestChecks.MAX_COLLECTION_SIZE, "a map has at most " + MAX_COLLECTION_SIZE + " entries");
      }
      for (Map.Entry<String, FieldValue> entry : map.values().entrySet()) {
        String key = entry.getKey();
        if (key.isEmpty() || key.length() > 64 || hasControlCharacter(key) || !isWellFormedUtf16(key)) {
          throw new InvalidProfileException(field, RequestChecks.MAP_KEY, "map keys have 1 to 64 characters and no control characters");
        }
        if (key.equals(PROTOTYPE_KEY)) {
          throw new InvalidProfileException(field, RequestChecks.MAP_KEY, "a map key is not __proto__ (JavaScript readers of the profile, dynalite among them, take it as the object's prototype)");
        }
        checkValue(field, entry.getValue(), depth + 1);
      }
    }
  }

  private static void checkText(String field, String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidProfileException(field, RequestChecks.MAX_LENGTH, "text is at most " + MAX_TEXT_LENGTH + " characters");
    }
    if (!isWellFormedUtf16(text)) {
      throw new InvalidProfileException(field, RequestChecks.WELL_FORMED_TEXT, "text must not contain unpaired surrogates");
    }
  }

  private static void checkNumber(String field, BigDecimal number) {
    if (number.signum() == 0) {
      return;
    }
    BigDecimal magnitude = number.abs();
    if (number.precision() > 38 || magnitude.compareTo(MAX_MAGNITUDE) >= 0 || magnitude.compareTo(MIN_MAGNITUDE) < 0) {
      throw new InvalidProfileException(field, RequestChecks.NUMBER_RANGE, "numbers have at most 38 significant digits and a magnitude from 1E-130 to below 1E+126");
    }
  }

  private static void checkStandardField(ProfileField field, String value) {
    String name = field.attributeName();
    if (value == null) {
      throw new InvalidProfileException(name, RequestChecks.REQUIRED, "use remove to clear a field");
    }
    switch (field) {
      case DISPLAY_NAME:
      case GIVEN_NAME:
      case FAMILY_NAME:
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
          throw new InvalidProfileException(name, RequestChecks.LENGTH, "1 to " + MAX_NAME_LENGTH + " characters, not blank");
        }
        if (hasControlCharacter(value) || !isWellFormedUtf16(value)) {
          throw new InvalidProfileException(name, RequestChecks.PRINTABLE, "no control characters or unpaired surrogates");
        }
        return;
      case AVATAR_URL:
        checkAvatarUrl(value);
        return;
      case LOCALE:
        checkLocale(value);
        return;
      case ZONEINFO:
        if (!ZONE_IDS.contains(value)) {
          throw new InvalidProfileException(name, RequestChecks.IANA_ZONE_ID, "an IANA time zone id such as Europe/Paris");
        }
        return;
      default:
        throw new AssertionError(field);
    }
  }

  private static void checkAvatarUrl(String value) {
    String name = ProfileField.AVATAR_URL.attributeName();
    if (value.length() > MAX_URL_LENGTH) {
      throw new InvalidProfileException(name, RequestChecks.MAX_LENGTH, "at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      // The cause is dropped on purpose: its message quotes the rejected URL.
      throw new InvalidProfileException(name, RequestChecks.URL_SYNTAX, "a valid absolute URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new InvalidProfileException(name, RequestChecks.HTTPS, "an https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidProfileException(name, RequestChecks.URL_HOST, "a URL with a host name");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in a URL would be shown to everyone who sees the avatar.
      throw new InvalidProfileException(name, RequestChecks.NO_USER_INFO, "a URL without user name or password");
    }
  }

  private static void checkLocale(String value) {
    String name = ProfileField.LOCALE.attributeName();
    if (value.isEmpty() || value.length() > MAX_LOCALE_LENGTH) {
      throw new InvalidProfileException(name, "bcp47", "a BCP 47 language tag such as en-GB");
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(value).build();
      if (locale.getLanguage().isEmpty()) {
        throw new InvalidProfileException(name, "bcp47", "a BCP 47 language tag such as en-GB");
      }
    } catch (IllformedLocaleException e) {
      throw new InvalidProfileException(name, "bcp47", "a BCP 47 language tag such as en-GB");
    }
  }

  private static void checkSubscription(Subscription subscription) {
    if (!PLAN.matcher(subscription.plan()).matches()) {
      throw new InvalidProfileException("subscription.plan", RequestChecks.PLAN_PATTERN, "1 to " + MAX_PLAN_LENGTH + " of A-Z a-z 0-9 . _ : -");
    }
    subscription.externalCustomerId().ifPresent(id -> {
      if (id.isEmpty() || id.length() > MAX_EXTERNAL_ID_LENGTH || hasControlCharacter(id)) {
        throw new InvalidProfileException("subscription.externalCustomerId", RequestChecks.LENGTH, "1 to " + MAX_EXTERNAL_ID_LENGTH + " printable characters");
      }
    });
  }

  private static InvalidProfileException setAndRemoved(String field) {
    return new InvalidProfileException(field, RequestChecks.SET_AND_REMOVE, "a field is either set or removed in one update, not both");
  }

  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  private static boolean isWellFormedUtf16(String value) {
    // Unpaired surrogates cannot be encoded as UTF-8, so storage would silently alter them.
    return StandardCharsets.UTF_8.newEncoder().canEncode(value);
  }

  /** Builds a {@link ProfilePolicy}. */
  public static final class Builder {
    private final java.util.LinkedHashSet<String> adminOnlyCustomFields = new java.util.LinkedHashSet<>();

    private Builder() {}

    /**
     * Registers a custom field that only {@link ProfileAdmin} may write (for example {@code
     * creditBalance}).
     *
     * @param name the custom field's name, matching {@value ProfilePolicy#NAME_PATTERN}
     * @return this builder
     */
    public Builder adminOnlyCustomField(String name) {
      checkName("adminOnlyCustomField", name);
      adminOnlyCustomFields.add(name);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public ProfilePolicy build() {
      return new ProfilePolicy(this);
    }
  }
}
