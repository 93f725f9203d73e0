package dev.profilekit.aws.backfill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.aws.backfill.BackfillCheckpoint;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint of a job with thousands of failures still fits in one DynamoDB item (400 KB, which
 * dynalite enforces as AWS does): the table keeps as many failures as fit under {@link
 * TableCheckpointStore#MAX_FAILURE_BYTES}, the counts stay exact.
 */
@WithEmulators
class TableCheckpointStoreIT {

  private final EmulatorEnvironment env;

  TableCheckpointStoreIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private static BackfillCheckpoint withFailures(int count, int reasonLength) {
    List<BackfillFailure> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      failures.add(BackfillFailure.of(UUID.randomUUID().toString(), "r".repeat(reasonLength)));
    }
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    return BackfillCheckpoint.builder().jobName("big").userPoolId("eu-west-1_AbCdEf123")
        .pages(200).seen(12_000).created(2_000).alreadyPresent(0).skipped(0).failed(10_000)
        .completed(false).startedAt(now).updatedAt(now).nextPaginationToken("next-page")
        .failures(failures).build();
  }

  @Test
  void tenThousandRecordedFailuresAreCappedToFitTheItem() {
    TableCheckpointStore store = new TableCheckpointStore(env.dynamoDb(), env.tableName());

    store.save(withFailures(10_000, 200));
    BackfillCheckpoint loaded = store.load("big").orElseThrow();

    assertThat(loaded.failed()).isEqualTo(10_000);
    assertThat(loaded.seen()).isEqualTo(12_000);
    assertThat(loaded.nextPaginationToken()).contains("next-page");
    assertThat(loaded.failures()).hasSizeLessThan(10_000).hasSizeGreaterThan(1_000);
    int kept = loaded.failures().stream().mapToInt(f -> f.userId().length() + f.reason().length()).sum();
    assertThat(kept).isLessThanOrEqualTo(TableCheckpointStore.MAX_FAILURE_BYTES);
  }

  @Test
  void failuresUnderTheCapAreKeptWhole() {
    TableCheckpointStore store = new TableCheckpointStore(env.dynamoDb(), env.tableName());
    BackfillCheckpoint small = withFailures(100, 200);

    store.save(small);

    assertThat(store.load("big").orElseThrow().failures()).isEqualTo(small.failures());
  }

  @Test
  void oneOverlongReasonIsShortenedNotDropped() {
    TableCheckpointStore store = new TableCheckpointStore(env.dynamoDb(), env.tableName());

    store.save(withFailures(1, 500_000));

    assertThat(store.load("big").orElseThrow().failures()).singleElement()
        .satisfies(f -> assertThat(f.reason()).hasSizeLessThanOrEqualTo(TableCheckpointStore.MAX_REASON_LENGTH));
  }
}
