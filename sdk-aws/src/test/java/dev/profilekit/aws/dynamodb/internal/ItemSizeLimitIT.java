package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.emulators.DynamoDbItemSize;
import dev.profilekit.aws.emulators.ItemSizeAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.ItemSize;
import dev.profilekit.internal.ProfilePatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * DynamoDB's 400 KB item limit on the AWS store, byte for byte: {@link ItemSize} predicts the
 * stored item exactly (names, numbers, maps), an item of exactly {@value ItemSize#MAX_ITEM_BYTES}
 * bytes is stored and one byte more refused with the fake's exception. dynalite counts ASCII as AWS
 * does, so those run on it raw; it counts other text in UTF-16 units, which {@link ItemSizeAsAws}
 * covers (the raw gap stays visible here).
 */
@WithEmulators
class ItemSizeLimitIT {

  /** A fixed write instant, so that {@code updatedAt}'s text, and with it the item size, is known. */
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123Z");
  private static final int CHUNK = 15_000;

  private final EmulatorEnvironment env;
  private final String userId = UUID.randomUUID().toString();

  ItemSizeLimitIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private ProfileStore store(boolean asAws) {
    return ProfileStore.builder()
        .dynamoDb(asAws ? env.dynamoDb(new ItemSizeAsAws(env.dynamoDb())) : env.dynamoDb())
        .tableName(env.tableName())
        .build();
  }

  private Supplier<UserProfile> fallback() {
    return () -> UserProfile.builder().userId(userId).email("size@example.com").emailVerified(true).source(ProfileSource.FALLBACK).build();
  }

  /** Stores a profile, numbers of every shape among its values, that is {@code room} bytes under the limit. */
  private UserProfile storedWithRoom(ProfileStore store, int room) {
    UserProfile profile = store.update(userId, ProfileUpdate.builder()
        .customField("n1", FieldValue.of(new BigDecimal("12.5")))
        .customField("n2", FieldValue.of(new BigDecimal("-1234567")))
        .customField("n3", FieldValue.of(new BigDecimal("0.001")))
        .customField("n4", FieldValue.of(new BigDecimal("1.20E+9")))
        .preference("dark", FieldValue.of(true))
        .build(), fallback(), NOW);
    int chunk = 0;
    while (true) {
      int gap = ItemSize.MAX_ITEM_BYTES - room - predicted(profile, ProfileUpdate.builder().customField("fill", FieldValue.of("")).build());
      if (gap <= CHUNK) {
        return store.update(userId, ProfileUpdate.builder().customField("fill", FieldValue.of("x".repeat(gap))).build(), fallback(), NOW);
      }
      profile = store.update(userId, ProfileUpdate.builder().customField("c" + chunk++, FieldValue.of("x".repeat(Math.min(CHUNK, gap - CHUNK)))).build(), fallback(), NOW);
    }
  }

  private static int predicted(UserProfile current, ProfileUpdate update) {
    return ItemSize.of(ProfilePatch.apply(current, update, NOW));
  }

  private Map<String, AttributeValue> rawItem() {
    return env.dynamoDb().getItem(b -> b.tableName(env.tableName()).key(Map.of("userId", AttributeValue.fromS(userId))).consistentRead(true)).item();
  }

  @Test
  void anItemOfExactlyTheLimitIsStoredAndOneByteMoreIsRefusedAsTheFakeRefusesIt() {
    ProfileStore store = store(false);
    UserProfile atLimit = storedWithRoom(store, 0);

    assertThat(ItemSize.of(atLimit)).isEqualTo(ItemSize.MAX_ITEM_BYTES);
    // What dynalite stored, counted by AWS's rule over the raw item, is what ItemSize predicted.
    assertThat(DynamoDbItemSize.of(rawItem())).isEqualTo(ItemSize.MAX_ITEM_BYTES);

    // Replacing "fill" with one more character, and nothing else changing size, is one byte over.
    ProfileUpdate oneByteMore = ProfileUpdate.builder().customField("fill", FieldValue.of("x".repeat(fillLength(atLimit) + 1))).build();
    assertThat(predicted(atLimit, oneByteMore)).isEqualTo(ItemSize.MAX_ITEM_BYTES + 1);
    InvalidProfileException refused = catchThrowableOfType(InvalidProfileException.class, () -> store.update(userId, oneByteMore, fallback(), NOW));

    assertThat(refused).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(refused.field()).isEqualTo("profile");
    assertThat(refused.rule()).isEqualTo("max-item-size");
    assertThat(store.read(userId).profile()).contains(atLimit);
  }

  @Test
  void onDynaliteAnItemOverTheLimitInUtf8ButNotInUtf16IsStoredAndAsOnAwsItIsRefused() {
    ProfileStore raw = store(false);
    UserProfile near = storedWithRoom(raw, 3_000);
    // 2,000 "é": 4,000 bytes of UTF-8 (AWS's count: over the limit), 2,000 UTF-16 units (dynalite's: under it).
    ProfileUpdate accented = ProfileUpdate.builder().customField("bio", FieldValue.of("é".repeat(2_000))).build();
    assertThat(predicted(near, accented)).isGreaterThan(ItemSize.MAX_ITEM_BYTES);

    InvalidProfileException asAws = catchThrowableOfType(InvalidProfileException.class, () -> store(true).update(userId, accented, fallback(), NOW));
    assertThat(asAws).hasMessage(ItemSize.tooLarge().getMessage());
    assertThat(raw.read(userId).profile()).contains(near);

    // The gap the stand-in covers: raw dynalite stores the item AWS refuses.
    UserProfile storedByDynalite = raw.update(userId, accented, fallback(), NOW);
    assertThat(DynamoDbItemSize.of(rawItem())).isEqualTo(ItemSize.of(storedByDynalite)).isGreaterThan(ItemSize.MAX_ITEM_BYTES);
  }

  @Test
  void aPutItemOverTheLimitInUtf8IsStoredByDynaliteAndRefusedAsAwsRefusesIt() {
    // 205,000 "é": 410,000 bytes of UTF-8 (over AWS's 409,600), 205,000 UTF-16 units (under dynalite's count).
    Map<String, AttributeValue> item = Map.of("userId", AttributeValue.fromS(userId), "bio", AttributeValue.fromS("é".repeat(205_000)));
    assertThat(DynamoDbItemSize.of(item)).isGreaterThan(ItemSize.MAX_ITEM_BYTES);
    DynamoDbClient asAws = env.dynamoDb(new ItemSizeAsAws(env.dynamoDb()));
    asAws.putItem(b -> b.tableName(env.tableName()).item(Map.of("userId", AttributeValue.fromS(userId), "bio", AttributeValue.fromS("before"))));

    DynamoDbException refused = catchThrowableOfType(DynamoDbException.class, () -> asAws.putItem(b -> b.tableName(env.tableName()).item(item)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
    assertThat(rawItem()).containsEntry("bio", AttributeValue.fromS("before"));
    // The gap the stand-in covers: raw dynalite stores the item AWS refuses.
    env.dynamoDb().putItem(b -> b.tableName(env.tableName()).item(item));
    assertThat(rawItem()).isEqualTo(item);
  }

  private static int fillLength(UserProfile profile) {
    return ((FieldValue.Text) profile.customFields().get("fill")).value().length();
  }
}
