package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProfileStore#delete(String, long)}: a stale version gives a typed conflict carrying the
 * stored version, in the one {@code DeleteItem} on AWS ({@link ConditionFailureItems} plays AWS's
 * answer); dynalite's raw answer (no item) still yields the right conflict, with more requests.
 */
@WithEmulators
class ConditionalDeleteIT {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final RequestCounter requests = new RequestCounter();
  private final ProfileStore asOnAws;
  private final ProfileStore onRawDynalite;
  private String userId;

  ConditionalDeleteIT(EmulatorEnvironment env) {
    this.asOnAws = ProfileStore.builder()
        .dynamoDb(env.dynamoDb(requests, new ConditionFailureItems(env.dynamoDb()))).tableName(env.tableName()).build();
    this.onRawDynalite = ProfileStore.builder().dynamoDb(env.dynamoDb(requests)).tableName(env.tableName()).build();
  }

  @BeforeEach
  void newUser() {
    userId = UUID.randomUUID().toString();
  }

  private UserProfile storeVersions(int versions) {
    UserProfile profile = asOnAws.createIfAbsent(UserProfile.builder().userId(userId).email("ada@example.com").source(ProfileSource.FALLBACK).build(), NOW).orElseThrow();
    for (int i = 1; i < versions; i++) {
      profile = asOnAws.update(userId, ProfileUpdate.builder().displayName("v" + (i + 1)).build(), () -> null, NOW);
    }
    requests.reset();
    return profile;
  }

  @Test
  void deleteAtTheStoredVersionDeletesInOneRequest() {
    UserProfile stored = storeVersions(2);

    asOnAws.delete(userId, stored.version());

    assertThat(requests.operations()).containsExactly("DeleteItem");
    assertThat(asOnAws.read(userId).profile()).isEmpty();
  }

  @Test
  void staleVersionConflictsWithTheStoredVersionInOneRequestAndDeletesNothing() {
    storeVersions(3);

    VersionConflictException conflict = catchThrowableOfType(VersionConflictException.class, () -> asOnAws.delete(userId, 2));

    assertThat(conflict.expectedVersion()).isEqualTo(2);
    assertThat(conflict.actualVersion()).hasValue(3);
    assertThat(requests.operations()).containsExactly("DeleteItem");
    assertThat(asOnAws.read(userId).profile()).get().extracting(UserProfile::version).isEqualTo(3L);
  }

  @Test
  void onRawDynaliteTheConflictStillCarriesTheStoredVersion() {
    storeVersions(3);

    VersionConflictException conflict = catchThrowableOfType(VersionConflictException.class, () -> onRawDynalite.delete(userId, 1));

    assertThat(conflict.actualVersion()).hasValue(3);
    // dynalite returns no item with the failure: the store falls back to the conditional REMOVE, then a read.
    assertThat(requests.operations()).containsExactly("DeleteItem", "UpdateItem", "GetItem");
    assertThat(asOnAws.read(userId).profile()).isPresent();
  }

  @Test
  void deletingAProfileThatIsNotStoredConflictsWithVersionZero() {
    VersionConflictException conflict = catchThrowableOfType(VersionConflictException.class, () -> asOnAws.delete(userId, 1));

    assertThat(conflict.actualVersion()).hasValue(0);
    assertThat(asOnAws.read(userId).profile()).isEmpty();
  }

  @Test
  void aSignOutRecordSurvivesTheConditionalDeleteAndAStaleOneKeepsBoth() {
    UserProfile stored = storeVersions(1);
    Instant signedOut = Instant.parse("2026-12-01T09:00:00Z");
    asOnAws.recordSignOut(userId, signedOut);

    VersionConflictException conflict = catchThrowableOfType(VersionConflictException.class, () -> asOnAws.delete(userId, 5));
    assertThat(conflict.actualVersion()).hasValue(1);
    assertThat(asOnAws.read(userId).profile()).isPresent();

    asOnAws.delete(userId, stored.version());
    StoredItem after = asOnAws.read(userId);
    assertThat(after.profile()).isEmpty();
    assertThat(after.tokensValidAfter()).hasValue(signedOut);
  }
}
