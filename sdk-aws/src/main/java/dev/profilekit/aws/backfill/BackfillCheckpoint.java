package dev.profilekit.aws.backfill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a backfill job stands, saved after every page so that {@link ProfileBackfill#resume()}
 * continues from the next page: the {@code ListUsers} pagination token and the counts so far.
 *
 * <p>Cognito pagination tokens expire; a checkpoint kept for long may no longer resume. Running
 * the job again from the start is always safe: it never overwrites a stored profile.
 */
@Value.Immutable
public abstract class BackfillCheckpoint {

  BackfillCheckpoint() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this checkpoint's values.
   *
   * @return a pre-filled builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The job's name.
   *
   * @return the job name
   */
  public abstract String jobName();

  /**
   * The user pool the job reads, so a checkpoint is never resumed against another pool.
   *
   * @return the user pool id
   */
  public abstract String userPoolId();

  /**
   * The pagination token of the next page to read; absent before the first page and after the
   * last.
   *
   * @return the token
   */
  public abstract Optional<String> nextPaginationToken();

  /**
   * Pages fully processed.
   *
   * @return the count
   */
  public abstract long pages();

  /**
   * Users listed on those pages.
   *
   * @return the count
   */
  public abstract long seen();

  /**
   * Profiles created on those pages.
   *
   * @return the count
   */
  public abstract long created();

  /**
   * Users found with a stored profile on those pages.
   *
   * @return the count
   */
  public abstract long alreadyPresent();

  /**
   * Users skipped by the filter on those pages.
   *
   * @return the count
   */
  public abstract long skipped();

  /**
   * Users that failed on those pages.
   *
   * @return the count
   */
  public abstract long failed();

  /**
   * The recorded failures (capped, as in {@link BackfillSummary#failures()}).
   *
   * @return the failures
   */
  public abstract List<BackfillFailure> failures();

  /**
   * Whether the job has processed the last page.
   *
   * @return true when complete
   */
  public abstract boolean completed();

  /**
   * When the job started.
   *
   * @return the instant
   */
  public abstract Instant startedAt();

  /**
   * When this checkpoint was saved.
   *
   * @return the instant
   */
  public abstract Instant updatedAt();

  @Value.Check
  void countsAddUp() {
    if (seen() != created() + alreadyPresent() + skipped() + failed()) {
      throw new IllegalStateException("seen must equal created + alreadyPresent + skipped + failed");
    }
  }

  @Override
  public String toString() {
    // The pagination token is opaque; it is left out so logs stay short and carry nothing Cognito-internal.
    return "BackfillCheckpoint{" + jobName() + ", pool " + userPoolId() + ", pages " + pages() + ", seen " + seen()
        + ", created " + created() + ", alreadyPresent " + alreadyPresent() + ", skipped " + skipped()
        + ", failed " + failed() + (completed() ? ", completed" : ", next page pending") + "}";
  }

  /** Builds a {@link BackfillCheckpoint}. */
  public static final class Builder extends ImmutableBackfillCheckpoint.Builder {
    Builder() {}
  }
}
