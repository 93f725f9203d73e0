package dev.profilekit.aws.backfill;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How far a running backfill has got, reported after each page: users done, the rate, and an
 * estimate of the time left from the user pool's estimated number of users.
 */
@Value.Immutable
public abstract class BackfillProgress {

  BackfillProgress() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Users handled so far by the whole job (including pages done before a resume).
   *
   * @return the count
   */
  public abstract long usersDone();

  /**
   * Whether the job is a dry run, which writes nothing: then {@link #created()} counts the profiles
   * that would have been created.
   *
   * @return true for a dry run
   */
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /**
   * Profiles created so far (in a dry run: that would have been created).
   *
   * @return the count
   */
  public abstract long created();

  /**
   * Users found with a stored profile so far.
   *
   * @return the count
   */
  public abstract long alreadyPresent();

  /**
   * Users skipped by the filter so far.
   *
   * @return the count
   */
  public abstract long skipped();

  /**
   * Users that failed so far.
   *
   * @return the count
   */
  public abstract long failed();

  /**
   * Pages done so far.
   *
   * @return the count
   */
  public abstract long pages();

  /**
   * Users handled per second by this run.
   *
   * @return the rate
   */
  public abstract double usersPerSecond();

  /**
   * The user pool's own estimate of its size ({@code DescribeUserPool}'s {@code
   * EstimatedNumberOfUsers}), if it gave one.
   *
   * @return the estimate
   */
  public abstract Optional<Long> estimatedTotalUsers();

  /**
   * Time left at the current rate, if the pool's size is estimated and the rate is known.
   *
   * @return the estimate
   */
  public abstract Optional<Duration> estimatedTimeLeft();

  /**
   * Formats the progress as one line for a terminal, for example {@code 1,200 / ~10,000 users
   * (created 1,000, present 200, skipped 0, failed 0), 250.0 users/s, about 35 s left}; a dry run
   * says {@code would create} instead of {@code created}.
   *
   * @return the line
   */
  public String toLine() {
    StringBuilder line = new StringBuilder();
    line.append(String.format("%,d", usersDone()));
    estimatedTotalUsers().ifPresent(total -> line.append(String.format(" / ~%,d", total)));
    line.append(String.format(" users (%s %,d, present %,d, skipped %,d, failed %,d), %.1f users/s",
        dryRun() ? "would create" : "created", created(), alreadyPresent(), skipped(), failed(), usersPerSecond()));
    estimatedTimeLeft().ifPresent(left -> line.append(", about ").append(formatDuration(left)).append(" left"));
    return line.toString();
  }

  @Override
  public String toString() {
    return toLine();
  }

  private static String formatDuration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 7200) {
      return (seconds + 30) / 60 + " min";
    }
    return String.format("%.1f h", seconds / 3600.0);
  }

  /** Builds a {@link BackfillProgress}. */
  public static final class Builder extends ImmutableBackfillProgress.Builder {
    Builder() {}
  }
}
