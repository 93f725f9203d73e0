package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.internal.RequestChecks;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.CUSTOM_FIELDS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EMAIL;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EMAIL_VERIFIED;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EXPIRES_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.PREFERENCES;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.SUBSCRIPTION;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.UPDATED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.VERSION;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the single {@code UpdateItem} that applies a {@link ProfileUpdate}, so that a profile
 * write never needs the stored item first.
 *
 * <p>Only the fields named in the patch appear in the expression: standard fields as top-level
 * attributes, preferences and custom fields by nested path ({@code preferences.theme}), the
 * subscription as a whole. Every name goes through a placeholder, so field names can never clash
 * with DynamoDB's reserved words. The version is incremented in the same expression.
 */
public final class UpdateExpressionBuilder {

  /** DynamoDB's limit on any expression string: 4 KB. */
  public static final int MAX_EXPRESSION_BYTES = 4096;

  private static final AttributeValue ONE = AttributeValue.fromN("1");

  // Built as the request needs them (placeholder to attribute), plus the reverse for reuse; the
  // clauses go straight into their text. This runs once per profile write, on the hot path.
  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final StringBuilder sets = new StringBuilder(96).append("SET ");
  private final StringBuilder removes = new StringBuilder();

  private UpdateExpressionBuilder() {}

  /**
   * Builds the patch of an existing profile: applies only if a profile is stored, and, when the
   * update has an expected version, only if the stored version equals it.
   *
   * @param update the validated update
   * @param now the write instant, stored as {@code updatedAt}
   * @return the expression
   */
  public static UpdateExpression patch(ProfileUpdate update, Instant now) {
    UpdateExpressionBuilder b = new UpdateExpressionBuilder();
    String version = b.name(VERSION);
    b.sets.append(version).append(" = ").append(version).append(" + ").append(b.value(ONE));
    b.set(b.name(UPDATED_AT), AttributeValue.fromS(InstantText.format(now)));
    // The two maps' names repeat once per entry: short placeholders keep the largest patch small.
    if (!update.setPreferences().isEmpty() || !update.removePreferences().isEmpty()) {
      b.name(PREFERENCES);
    }
    if (!update.setCustomFields().isEmpty() || !update.removeCustomFields().isEmpty()) {
      b.name(CUSTOM_FIELDS);
    }
    update.setFields().forEach((field, text) -> b.set(b.name(field.attributeName()), AttributeValue.fromS(text)));
    for (ProfileField field : update.removeFields()) {
      b.remove(b.name(field.attributeName()));
    }
    update.setPreferences().forEach((k, v) -> b.set(b.name(PREFERENCES) + "." + b.name(k), ProfileItemCodec.encode(v)));
    update.removePreferences().forEach(k -> b.remove(b.name(PREFERENCES) + "." + b.name(k)));
    update.setCustomFields().forEach((k, v) -> b.set(b.name(CUSTOM_FIELDS) + "." + b.name(k), ProfileItemCodec.encode(v)));
    update.removeCustomFields().forEach(k -> b.remove(b.name(CUSTOM_FIELDS) + "." + b.name(k)));
    update.subscription().ifPresent(s -> b.set(b.name(SUBSCRIPTION), ProfileItemCodec.encode(s)));
    if (update.removeSubscription()) {
      b.remove(b.name(SUBSCRIPTION));
    }
    String condition = "attribute_exists(" + version + ")";
    if (update.expectedVersion().isPresent()) {
      condition += " AND " + version + " = " + b.value(AttributeValue.fromN(update.expectedVersion().get().toString()));
    }
    return b.build(condition);
  }

  /**
   * Builds the first write of a profile: every attribute of {@code profile} is set, on condition
   * that no profile is stored yet. An item holding only revocation records counts as no profile,
   * and its records are kept (its time to live goes) (an update, unlike a put, leaves other attributes alone). A deleted
   * account's tombstone does not: its account stays deleted.
   *
   * @param profile the whole profile to store, version 1
   * @return the expression
   */
  public static UpdateExpression create(UserProfile profile) {
    UpdateExpressionBuilder b = new UpdateExpressionBuilder();
    ProfileItemCodec.toItem(profile).forEach((attribute, value) -> {
      if (!attribute.equals(USER_ID)) {
        b.set(b.name(attribute), value);
      }
    });
    // An item that held only revoked sessions may carry a time to live: a profile must not expire.
    b.remove(b.name(EXPIRES_AT));
    return b.build("attribute_not_exists(" + b.name(VERSION) + ") AND attribute_not_exists(" + b.name(ACCOUNT_DELETED_AT) + ")");
  }

  /**
   * Builds the write that makes a stored profile carry the identity's email (an email change
   * confirmed in Cognito), one version up: applies only if a profile is stored and its email or
   * verification flag differ, so that a profile already in agreement is left as it is (the
   * condition fails and nothing is written). The same result as {@code EmailChange.follow}.
   *
   * @param email the identity's email
   * @param verified whether it is verified
   * @param now the write instant, stored as {@code updatedAt}
   * @return the expression
   */
  public static UpdateExpression followEmail(String email, boolean verified, Instant now) {
    UpdateExpressionBuilder b = new UpdateExpressionBuilder();
    String version = b.name(VERSION);
    b.sets.append(version).append(" = ").append(version).append(" + ").append(b.value(ONE));
    b.set(b.name(UPDATED_AT), AttributeValue.fromS(InstantText.format(now)));
    String emailName = b.name(EMAIL);
    String verifiedName = b.name(EMAIL_VERIFIED);
    String emailValue = b.value(AttributeValue.fromS(email));
    String verifiedValue = b.value(AttributeValue.fromBool(verified));
    b.sets.append(", ").append(emailName).append(" = ").append(emailValue);
    b.sets.append(", ").append(verifiedName).append(" = ").append(verifiedValue);
    // A missing attribute compares unequal, so a profile without an email is written too.
    return b.build("attribute_exists(" + version + ") AND NOT (" + emailName + " = " + emailValue
        + " AND " + verifiedName + " = " + verifiedValue + ")");
  }

  private void set(String path, AttributeValue value) {
    if (sets.length() > 4) {
      sets.append(", ");
    }
    sets.append(path).append(" = ").append(value(value));
  }

  private void remove(String path) {
    removes.append(removes.length() == 0 ? " REMOVE " : ", ").append(path);
  }

  private String name(String attribute) {
    String placeholder = names.get(attribute);
    if (placeholder == null) {
      placeholder = "#n" + names.size();
      names.put(attribute, placeholder);
      placeholders.put(placeholder, attribute);
    }
    return placeholder;
  }

  private String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /**
   * Returns the length of the {@code UpdateExpression} of the largest patch {@link ProfilePolicy}
   * allows: every standard field and the subscription set, {@link
   * ProfilePolicy#MAX_ENTRIES_PER_UPDATE} preferences and custom fields each set and removed, built
   * by {@link #patch}. Placeholders ({@code #n12}, {@code :v7}) make the length independent of
   * names and values.
   *
   * @return the length in bytes, at most {@link #MAX_EXPRESSION_BYTES}
   */
  public static int largestPatchLength() {
    return LargestPatch.LENGTH;
  }

  /** Computed on first use, after the class's own constants. */
  private static final class LargestPatch {
    static final int LENGTH = largestPolicyPatch().length();
  }

  private static String largestPolicyPatch() {
    ProfileUpdate.Builder update = ProfileUpdate.builder().expectedVersion(Long.MAX_VALUE);
    for (ProfileField field : ProfileField.values()) {
      update.set(field, "x");
    }
    for (int i = 0; i < ProfilePolicy.MAX_ENTRIES_PER_UPDATE; i++) {
      update.preference("p" + i, FieldValue.of(true)).removePreference("q" + i);
      update.customField("c" + i, FieldValue.of(true)).removeCustomField("d" + i);
    }
    update.subscription(Subscription.builder().plan("x").status(SubscriptionStatus.ACTIVE).build());
    // Over the limit, build() throws at class load: a policy change that lets updates outgrow
    // DynamoDB's expression limit cannot go unnoticed.
    return patch(update.build(), Instant.EPOCH).update();
  }

  private String expression() {
    return sets.append(removes).toString();
  }

  private UpdateExpression build(String condition) {
    String expression = expression();
    // Placeholders are ASCII, so characters are bytes. DynamoDB would answer a ValidationException.
    if (expression.length() > MAX_EXPRESSION_BYTES) {
      throw new InvalidProfileException("update", RequestChecks.MAX_EXPRESSION_LENGTH, "the update's DynamoDB expression would be "
          + expression.length() + " bytes; DynamoDB accepts at most " + MAX_EXPRESSION_BYTES + " (set or remove fewer entries at once)");
    }
    return new UpdateExpression(expression, condition, placeholders, values);
  }
}
