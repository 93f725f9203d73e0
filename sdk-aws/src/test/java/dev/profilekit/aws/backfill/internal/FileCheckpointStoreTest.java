package dev.profilekit.aws.backfill.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.aws.backfill.BackfillCheckpoint;
import dev.profilekit.aws.backfill.BackfillFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

  @TempDir
  Path folder;

  private static BackfillCheckpoint checkpoint(String job) {
    return BackfillCheckpoint.builder()
        .jobName(job).userPoolId("eu-west-1_Abc").nextPaginationToken("opaque+token/==")
        .pages(3).seen(180).created(170).alreadyPresent(6).skipped(3).failed(1)
        .addFailure(BackfillFailure.of("sub-9", "invalid profile: locale (bcp47)"))
        .completed(false)
        .startedAt(Instant.parse("2026-11-26T10:00:00Z")).updatedAt(Instant.parse("2026-11-26T10:01:00.123Z"))
        .build();
  }

  @Test
  void savedCheckpointLoadsBackEqual() {
    FileCheckpointStore store = new FileCheckpointStore(folder.resolve("job.json"));

    store.save(checkpoint("nightly"));

    assertThat(store.load("nightly")).contains(checkpoint("nightly"));
  }

  @Test
  void missingFileMeansNoCheckpoint() {
    assertThat(new FileCheckpointStore(folder.resolve("none.json")).load("nightly")).isEmpty();
  }

  @Test
  void fileOfAnotherJobIsRefused() {
    FileCheckpointStore store = new FileCheckpointStore(folder.resolve("job.json"));
    store.save(checkpoint("nightly"));

    assertThatThrownBy(() -> store.load("weekly"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("job-name"));
  }

  @Test
  void fileThatIsNotACheckpointIsRefused() throws Exception {
    Path file = Files.writeString(folder.resolve("other.json"), "{\"hello\":1}");

    assertThatThrownBy(() -> new FileCheckpointStore(file).load("nightly"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("format"));
  }

  @Test
  void saveReplacesThePreviousCheckpointAndLeavesNoTemporaryFile() throws Exception {
    FileCheckpointStore store = new FileCheckpointStore(folder.resolve("job.json"));
    store.save(checkpoint("nightly"));

    store.save(checkpoint("nightly").toBuilder().pages(4).seen(181).created(171).build());

    assertThat(store.load("nightly").orElseThrow().pages()).isEqualTo(4);
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(folder.resolve("job.json"));
    }
  }
}
