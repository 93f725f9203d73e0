package dev.profilekit.aws.backfill;

import dev.profilekit.aws.backfill.internal.PageOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns a job's running counts into its checkpoint, progress report and summary. */
final class BackfillReports {

  private BackfillReports() {}

  static BackfillCheckpoint checkpoint(
      String jobName, String userPoolId, PageOutcome total, long pages, String token, boolean completed, Instant startedAt, Instant now) {
    return BackfillCheckpoint.builder()
        .jobName(jobName)
        .userPoolId(userPoolId)
        .nextPaginationToken(Optional.ofNullable(token))
        .pages(pages)
        .seen(total.seen())
        .created(total.created())
        .alreadyPresent(total.alreadyPresent())
        .skipped(total.skipped())
        .failed(total.failed())
        .failures(total.failures())
        .completed(completed)
        .startedAt(startedAt)
        .updatedAt(now)
        .build();
  }

  static BackfillProgress progress(boolean dryRun, PageOutcome total, long pages, long doneThisRun, long startNanos, Optional<Long> estimate) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = doneThisRun / seconds;
    BackfillProgress.Builder progress = BackfillProgress.builder()
        .dryRun(dryRun)
        .usersDone(total.seen())
        .created(total.created())
        .alreadyPresent(total.alreadyPresent())
        .skipped(total.skipped())
        .failed(total.failed())
        .pages(pages)
        .usersPerSecond(rate)
        .estimatedTotalUsers(estimate);
    if (estimate.isPresent() && rate > 0) {
      long left = Math.max(0, estimate.get() - total.seen());
      progress.estimatedTimeLeft(Duration.ofMillis((long) (left / rate * 1000)));
    }
    return progress.build();
  }

  static BackfillSummary summary(String jobName, boolean dryRun, PageOutcome total, long pages, boolean completed, long startNanos) {
    return BackfillSummary.builder()
        .jobName(jobName)
        .dryRun(dryRun)
        .seen(total.seen())
        .created(total.created())
        .alreadyPresent(total.alreadyPresent())
        .skipped(total.skipped())
        .failed(total.failed())
        .failures(total.failures())
        .pages(pages)
        .completed(completed)
        .elapsed(Duration.ofNanos(System.nanoTime() - startNanos))
        .build();
  }
}
