package dev.profilekit.aws.backfill;

/**
 * Receives a backfill's progress after each page. Called on the thread running the backfill; keep
 * it quick (print a line, update a metric).
 */
@FunctionalInterface
public interface BackfillProgressListener {

  /** A listener that ignores progress. */
  BackfillProgressListener NONE = progress -> {};

  /**
   * Reports progress.
   *
   * @param progress the job's progress so far
   */
  void onProgress(BackfillProgress progress);
}
