package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB refuses an expression string over 4 KB. The largest update {@link ProfilePolicy}
 * allows must fit, and anything larger is refused before any request.
 */
public class LargestUpdateExpressionTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  /** Every standard field set, the most preferences and custom fields set and removed, a subscription. */
  public static ProfileUpdate largestLegalUpdate() {
    ProfileUpdate.Builder update = ProfileUpdate.builder().expectedVersion(Long.MAX_VALUE);
    update.set(ProfileField.DISPLAY_NAME, "Ada").set(ProfileField.GIVEN_NAME, "Ada").set(ProfileField.FAMILY_NAME, "Lovelace")
        .set(ProfileField.AVATAR_URL, "https://example.com/a.png").set(ProfileField.LOCALE, "en-GB")
        .set(ProfileField.ZONEINFO, "Europe/London");
    for (int i = 0; i < ProfilePolicy.MAX_ENTRIES_PER_UPDATE; i++) {
      update.preference("setPref" + i, FieldValue.of(true));
      update.removePreference("removedPref" + i);
      update.customField("setField" + i, FieldValue.of(i));
      update.removeCustomField("removedField" + i);
    }
    update.subscription(Subscription.builder().plan("pro").status(SubscriptionStatus.ACTIVE).build());
    ProfileUpdate built = update.build();
    ProfilePolicy.defaults().validateAdminUpdate(built);
    return built;
  }

  @Test
  void theLargestLegalPatchFitsDynamoDbsExpressionLimitAndIsTheComputedBound() {
    UpdateExpression expression = UpdateExpressionBuilder.patch(largestLegalUpdate(), NOW);
    int length = expression.update().getBytes(StandardCharsets.UTF_8).length;

    assertThat(length).isEqualTo(UpdateExpressionBuilder.largestPatchLength());
    assertThat(UpdateExpressionBuilder.largestPatchLength()).isLessThanOrEqualTo(UpdateExpressionBuilder.MAX_EXPRESSION_BYTES);
    assertThat(UpdateExpressionBuilder.MAX_EXPRESSION_BYTES).isEqualTo(4096);
  }

  @Test
  void aPatchAboveTheLimitIsRefusedTypedBeforeAnyRequest() {
    // Not legal under the default policy (too many entries), so it never reaches the store that way;
    // the builder still refuses it rather than let DynamoDB answer a ValidationException.
    ProfileUpdate.Builder tooLarge = ProfileUpdate.builder();
    for (int i = 0; i < 400; i++) {
      tooLarge.customField("field" + i, FieldValue.of(i));
    }

    assertThatThrownBy(() -> UpdateExpressionBuilder.patch(tooLarge.build(), NOW))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.getMessage()).contains("4096"));
  }
}
