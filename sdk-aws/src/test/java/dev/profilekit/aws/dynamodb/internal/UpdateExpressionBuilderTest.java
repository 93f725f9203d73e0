package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionBuilderTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void aPatchNamesOnlyTheFieldsItChangesPlusVersionAndUpdatedAt() {
    UpdateExpression expression = UpdateExpressionBuilder.patch(ProfileUpdate.builder()
        .displayName("Ada")
        .remove(ProfileField.AVATAR_URL)
        .preference("theme", FieldValue.of("dark"))
        .removeCustomField("old")
        .build(), NOW);

    assertThat(expression.names().values())
        .containsExactlyInAnyOrder("version", "updatedAt", "displayName", "avatarUrl", "preferences", "theme", "customFields", "old");
    assertThat(expression.update()).startsWith("SET ").contains(" REMOVE ");
    assertThat(expression.condition()).isEqualTo("attribute_exists(" + placeholder(expression, "version") + ")");
    assertThat(expression.values()).containsValue(AttributeValue.fromS("Ada")).containsValue(AttributeValue.fromS(NOW.toString()));
  }

  @Test
  void entriesAreAddressedByNestedPathSoOtherEntriesStay() {
    UpdateExpression expression = UpdateExpressionBuilder.patch(ProfileUpdate.builder()
        .customField("score", FieldValue.of(1)).build(), NOW);

    assertThat(expression.update()).contains(placeholder(expression, "customFields") + "." + placeholder(expression, "score") + " = ");
  }

  @Test
  void anExpectedVersionBecomesPartOfTheCondition() {
    UpdateExpression expression = UpdateExpressionBuilder.patch(ProfileUpdate.builder().expectedVersion(7L).build(), NOW);

    String version = placeholder(expression, "version");
    assertThat(expression.condition()).startsWith("attribute_exists(" + version + ") AND " + version + " = :");
    assertThat(expression.values()).containsValue(AttributeValue.fromN("7"));
  }

  @Test
  void namesThatAreReservedWordsOrLookLikePathsAreAlwaysPlaceholders() {
    UpdateExpression expression = UpdateExpressionBuilder.patch(ProfileUpdate.builder()
        .customField("status", FieldValue.of("x")).preference("size", FieldValue.of(1)).build(), NOW);

    assertThat(expression.update()).doesNotContain("status").doesNotContain("size");
  }

  @Test
  void aCreateSetsEveryAttributeButTheKeyUnderNoStoredVersionAndNoTombstone() {
    UserProfile profile = UserProfile.builder().userId("u1").displayName("Ada").version(1).source(ProfileSource.STORED).build();

    UpdateExpression expression = UpdateExpressionBuilder.create(profile);

    assertThat(expression.names().values()).doesNotContain("userId").contains("version", "displayName", "preferences", "customFields");
    assertThat(expression.condition()).isEqualTo("attribute_not_exists(" + placeholder(expression, "version") + ") AND attribute_not_exists("
        + placeholder(expression, "accountDeletedAt") + ")");
  }

  private static String placeholder(UpdateExpression expression, String attribute) {
    return expression.names().entrySet().stream().filter(e -> e.getValue().equals(attribute)).findFirst().orElseThrow().getKey();
  }
}
