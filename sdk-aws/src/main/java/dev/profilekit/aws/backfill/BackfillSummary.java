package dev.profilekit.aws.backfill;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.RequestChecks;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a backfill run did. The counts always add up: {@code seen = created + alreadyPresent +
 * skipped + failed}. After a {@link ProfileBackfill#resume() resume} they cover the whole job,
 * including the pages done before the interruption.
 *
 * <p>In a {@link #dryRun() dry run} nothing is written: {@link #created()} counts the profiles
 * that would have been created.
 */
@Value.Immutable
public abstract class BackfillSummary {

  BackfillSummary() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The job's name, which keys its checkpoint.
   *
   * @return the job name
   */
  public abstract String jobName();

  /**
   * Whether this was a dry run, which writes nothing.
   *
   * @return true for a dry run
   */
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /**
   * Users listed from the user pool.
   *
   * @return the count
   */
  public abstract long seen();

  /**
   * Profiles created (in a dry run: that would have been created).
   *
   * @return the count
   */
  public abstract long created();

  /**
   * Users that already had a stored profile, left untouched.
   *
   * @return the count
   */
  public abstract long alreadyPresent();

  /**
   * Users the filter left out.
   *
   * @return the count
   */
  public abstract long skipped();

  /**
   * Users that could not be copied; see {@link #failures()}.
   *
   * @return the count
   */
  public abstract long failed();

  /**
   * The failures, each with the user's id and the reason; at most the builder's {@code
   * maxRecordedFailures} are kept, so this list may be shorter than {@link #failed()}.
   *
   * @return the recorded failures
   */
  public abstract List<BackfillFailure> failures();

  /**
   * {@code ListUsers} pages processed.
   *
   * @return the count
   */
  public abstract long pages();

  /**
   * Whether the job reached the end of the user pool.
   *
   * @return true when complete
   */
  public abstract boolean completed();

  /**
   * Wall time of this run (not of earlier runs of a resumed job).
   *
   * @return the duration
   */
  public abstract Duration elapsed();

  @Value.Check
  void countsAddUp() {
    if (seen() != created() + alreadyPresent() + skipped() + failed()) {
      throw new InvalidRequestException("seen", RequestChecks.CONSISTENT, "seen must equal created + alreadyPresent + skipped + failed");
    }
    if (failures().size() > failed()) {
      throw new InvalidRequestException("failures", RequestChecks.CONSISTENT, "more failures recorded than counted");
    }
  }

  /**
   * One line with the equation, for example {@code nightly: seen 10 = created 5 + already present 2
   * + skipped 2 + failed 1, 1 pages, complete in 1.5 s}; a dry run says so after the job name and
   * counts {@code would create} instead of {@code created}.
   *
   * @return the line
   */
  @Override
  public String toString() {
    return String.format(
        "%s%s: seen %d = %s %d + already present %d + skipped %d + failed %d, %d pages, %s in %.1f s",
        jobName(),
        dryRun() ? " (dry run, nothing written)" : "",
        seen(),
        dryRun() ? "would create" : "created",
        created(),
        alreadyPresent(),
        skipped(),
        failed(),
        pages(),
        completed() ? "complete" : "incomplete",
        elapsed().toMillis() / 1000.0);
  }

  /** Builds a {@link BackfillSummary}; every count is required. */
  public static final class Builder extends ImmutableBackfillSummary.Builder {
    Builder() {}
  }
}
