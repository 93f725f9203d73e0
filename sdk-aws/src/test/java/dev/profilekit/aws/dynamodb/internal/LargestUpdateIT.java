package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The largest update ProfilePolicy allows is stored on dynalite. dynalite does not check
 * DynamoDB's 4 KB expression limit, so LargestUpdateExpressionTest holds the bound against it.
 */
@WithEmulators
class LargestUpdateIT {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final ProfileStore store;

  LargestUpdateIT(EmulatorEnvironment env) {
    this.store = ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(env.tableName()).build();
  }

  @Test
  void theLargestLegalUpdateIsStored() {
    String userId = UUID.randomUUID().toString();
    UserProfile first = store.update(userId, ProfileUpdate.builder().expectedVersion(0L).build(), () -> UserProfile.builder()
        .userId(userId).email("ada@example.com").emailVerified(true).source(ProfileSource.FALLBACK).build(), NOW);
    ProfileUpdate largest = ProfileUpdate.builder().from(LargestUpdateExpressionTest.largestLegalUpdate())
        .expectedVersion(first.version()).build();

    UserProfile stored = store.update(userId, largest, () -> { throw new AssertionError("stored already"); }, NOW);

    assertThat(UpdateExpressionBuilder.largestPatchLength()).isGreaterThan(3_500);
    assertThat(stored.version()).isEqualTo(first.version() + 1);
    assertThat(stored.customFields()).hasSize(64).containsEntry("setField7", FieldValue.of(7));
    assertThat(stored.preferences()).hasSize(64);
    assertThat(stored.subscription()).isPresent();
  }
}
