package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.AccountDeletion;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How revoked sessions are kept on the user's item, on dynalite. */
@WithEmulators
class RevokedSessionsIT {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final RequestCounter requests = new RequestCounter();
  private final EmulatorEnvironment env;
  private final DynamoDbClient dynamoDb;
  private final ProfileStore store;
  private String userId;

  RevokedSessionsIT(EmulatorEnvironment env) {
    this.env = env;
    this.dynamoDb = env.dynamoDb();
    this.store = ProfileStore.builder().dynamoDb(env.dynamoDb(requests)).tableName(env.tableName()).build();
  }

  @BeforeEach
  void newUser() {
    userId = UUID.randomUUID().toString();
    requests.reset();
  }

  private Map<String, AttributeValue> rawItem() {
    return dynamoDb.getItem(b -> b.tableName(env.tableName()).key(Map.of("userId", AttributeValue.fromS(userId))).consistentRead(true)).item();
  }

  private UserProfile profile() {
    return UserProfile.builder().userId(userId).email("r@example.com").source(ProfileSource.FALLBACK).build();
  }

  @Test
  void aRevokedSessionAloneIsNoProfileAndExpiresByTimeToLiveAtItsRecordsExpiry() {
    Instant expiry = NOW.plusSeconds(3900);
    store.recordRevokedSession(userId, "session-a", expiry, NOW);

    assertThat(store.read(userId)).isEqualTo(new StoredItem(Optional.empty(), Optional.empty(), Map.of("session-a", expiry)));
    assertThat(store.revocations(userId).revokedSessions()).containsEntry("session-a", expiry);
    assertThat(rawItem()).containsEntry(ProfileAttributes.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiry.getEpochSecond())));
  }

  @Test
  void theItemsTimeToLiveFollowsItsLatestRecord() {
    store.recordRevokedSession(userId, "later", NOW.plusSeconds(7200), NOW);
    store.recordRevokedSession(userId, "earlier", NOW.plusSeconds(3600), NOW);

    assertThat(rawItem().get(ProfileAttributes.EXPIRES_AT).n()).isEqualTo(Long.toString(NOW.plusSeconds(7200).getEpochSecond()));
  }

  @Test
  void aProfileStoredLaterKeepsTheRecordAndLosesTheTimeToLive() {
    store.recordRevokedSession(userId, "session-a", NOW.plusSeconds(3900), NOW);

    store.update(userId, ProfileUpdate.builder().displayName("Kept").build(), this::profile, NOW);

    assertThat(rawItem()).doesNotContainKey(ProfileAttributes.EXPIRES_AT);
    assertThat(store.read(userId).revokedSessions()).containsOnlyKeys("session-a");
    assertThat(store.read(userId).profile()).isPresent();
  }

  @Test
  void aSessionRevokedOnAStoredProfileGetsNoTimeToLiveAndSurvivesTheProfilesDeletion() {
    store.update(userId, ProfileUpdate.builder().displayName("Kept").build(), this::profile, NOW);

    store.recordRevokedSession(userId, "session-a", NOW.plusSeconds(3900), NOW);

    assertThat(rawItem()).doesNotContainKey(ProfileAttributes.EXPIRES_AT);
    assertThat(store.read(userId).profile().orElseThrow().displayName()).contains("Kept");
    store.delete(userId);
    assertThat(store.read(userId)).isEqualTo(new StoredItem(Optional.empty(), Optional.empty(), Map.of("session-a", NOW.plusSeconds(3900))));
  }

  @Test
  void theNextRevocationDropsExpiredRecordsAndKeepsTheOthers() {
    store.recordRevokedSession(userId, "expired", NOW.plusSeconds(60), NOW);
    store.recordRevokedSession(userId, "valid", NOW.plusSeconds(3600), NOW);
    requests.reset();

    store.recordRevokedSession(userId, "new", NOW.plusSeconds(3660), NOW.plusSeconds(60));

    assertThat(requests.operations()).as("the record, then the tidy-up").containsExactly("UpdateItem", "UpdateItem");
    assertThat(store.read(userId).revokedSessions()).containsOnlyKeys("valid", "new");
  }

  @Test
  void aRevocationWithNothingToTidyIsOneUpdateItem() {
    store.update(userId, ProfileUpdate.builder().displayName("Kept").build(), this::profile, NOW);
    store.recordRevokedSession(userId, "first", NOW.plusSeconds(3600), NOW);
    requests.reset();

    store.recordRevokedSession(userId, "second", NOW.plusSeconds(3600), NOW);

    assertThat(requests.operations()).containsExactly("UpdateItem");
  }

  @Test
  void aSignOutEverywhereRecordRemovesTheTimeToLive() {
    store.recordRevokedSession(userId, "session-a", NOW.plusSeconds(3900), NOW);

    store.recordSignOut(userId, NOW);

    assertThat(rawItem()).doesNotContainKey(ProfileAttributes.EXPIRES_AT).containsKey(ProfileAttributes.TOKENS_VALID_AFTER);
  }

  @Test
  void accountDeletionsTombstoneReplacesEveryRevocationRecord() {
    store.update(userId, ProfileUpdate.builder().displayName("Gone").build(), this::profile, NOW);
    store.recordRevokedSession(userId, "session-a", NOW.plusSeconds(3900), NOW);
    store.recordSignOut(userId, NOW);

    Instant expires = AccountDeletion.tombstoneExpiry(NOW);
    store.eraseAccount(userId, NOW, expires);

    assertThat(rawItem()).containsOnlyKeys(ProfileAttributes.USER_ID, ProfileAttributes.ACCOUNT_DELETED_AT, ProfileAttributes.EXPIRES_AT);
    // A sign-out everywhere arriving after the deletion leaves the tombstone's time to live alone.
    store.recordSignOut(userId, NOW.plusSeconds(1));
    assertThat(rawItem()).containsOnlyKeys(ProfileAttributes.USER_ID, ProfileAttributes.ACCOUNT_DELETED_AT, ProfileAttributes.EXPIRES_AT);
  }
}
