package dev.profilekit.aws.backfill.internal;

import dev.profilekit.aws.backfill.BackfillFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts for one page of users (or for a whole job, when pages are added up). Not thread-safe:
 * the page's writer threads report to the job thread, which adds results here.
 */
public final class PageOutcome {

  /** What happened to one user. */
  public enum Result {
    /** A profile was created (or, in a dry run, would have been). */
    CREATED,
    /** The user already had a profile, which was left as it was. */
    ALREADY_PRESENT,
    /** The filter left the user out. */
    SKIPPED,
    /** The user could not be copied. */
    FAILED
  }

  private final int maxRecordedFailures;
  private long created;
  private long alreadyPresent;
  private long skipped;
  private long failed;
  private final List<BackfillFailure> failures = new ArrayList<>();

  /**
   * Creates empty counts.
   *
   * @param maxRecordedFailures how many failures to keep with their reasons
   */
  public PageOutcome(int maxRecordedFailures) {
    this.maxRecordedFailures = maxRecordedFailures;
  }

  /**
   * Counts one user.
   *
   * @param result what happened
   */
  public void add(Result result) {
    switch (result) {
      case CREATED -> created++;
      case ALREADY_PRESENT -> alreadyPresent++;
      case SKIPPED -> skipped++;
      case FAILED -> throw new IllegalArgumentException("use fail(...) so the reason is kept");
      default -> throw new AssertionError(result);
    }
  }

  /**
   * Counts one failed user, keeping the reason while fewer than the maximum are kept.
   *
   * @param failure the failure
   */
  public void fail(BackfillFailure failure) {
    failed++;
    if (failures.size() < maxRecordedFailures) {
      failures.add(failure);
    }
  }

  /**
   * Adds another outcome's counts to these.
   *
   * @param other the other outcome
   */
  public void addAll(PageOutcome other) {
    created += other.created;
    alreadyPresent += other.alreadyPresent;
    skipped += other.skipped;
    failed += other.failed;
    for (BackfillFailure failure : other.failures) {
      if (failures.size() < maxRecordedFailures) {
        failures.add(failure);
      }
    }
  }

  /**
   * Restores counts from a checkpoint.
   *
   * @param created profiles created
   * @param alreadyPresent users already present
   * @param skipped users skipped
   * @param failed users failed
   * @param recorded the failures recorded with reasons
   */
  public void restore(long created, long alreadyPresent, long skipped, long failed, List<BackfillFailure> recorded) {
    this.created = created;
    this.alreadyPresent = alreadyPresent;
    this.skipped = skipped;
    this.failed = failed;
    failures.clear();
    recorded.stream().limit(maxRecordedFailures).forEach(failures::add);
  }

  /** @return users counted */
  public long seen() {
    return created + alreadyPresent + skipped + failed;
  }

  /** @return profiles created */
  public long created() {
    return created;
  }

  /** @return users already present */
  public long alreadyPresent() {
    return alreadyPresent;
  }

  /** @return users skipped */
  public long skipped() {
    return skipped;
  }

  /** @return users failed */
  public long failed() {
    return failed;
  }

  /** @return the failures kept with reasons */
  public List<BackfillFailure> failures() {
    return List.copyOf(failures);
  }
}
