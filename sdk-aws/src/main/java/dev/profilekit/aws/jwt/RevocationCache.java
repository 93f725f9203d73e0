package dev.profilekit.aws.jwt;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.aws.jwt.internal.SettingChecks;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-process cache in front of another {@link TokenRevocations}, so that a verification does
 * not look the user's revocations up each time: an answer is reused for the {@linkplain
 * Builder#staleness(Duration) staleness bound} after the lookup that produced it started.
 *
 * <p>What it promises:
 *
 * <ul>
 *   <li>A revocation written through this process ({@link #recordLocally(String, UserRevocations)},
 *       which {@code AwsUserProfileService} calls after each sign-out, disable and deletion it
 *       writes) is applied at once, also to a lookup that was under way while it was written.
 *   <li>A revocation written elsewhere (another process, another machine) is seen at the latest
 *       one staleness bound after it was written: a cached answer is never older than that.
 *   <li>A lookup that fails throws, as the source threw it, even while an older answer is in the
 *       cache: an expired answer is never served (fail closed).
 * </ul>
 *
 * <p>Revocations only ever grow (a later sign-out everywhere, one more revoked session, a deleted
 * account), so merging a new answer with what is cached ({@link UserRevocations#union}) never
 * loses one; records of revoked sessions are dropped once no token of theirs can verify.
 *
 * <p>Thread-safe. Holds at most {@linkplain Builder#maxEntries(int) maxEntries} users; past that,
 * answers are not cached until expired entries can be dropped.
 */
public final class RevocationCache implements TokenRevocations {

  /** The staleness bound used unless one is set: 5 seconds. */
  public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(5);

  /** The longest staleness bound accepted. */
  public static final Duration MAX_STALENESS = Duration.ofHours(1);

  private final TokenRevocations source;
  private final Duration staleness;
  private final Clock clock;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * One user's known revocations and when the lookup they came from started; {@code readAt} null
   * for revocations recorded locally that no lookup has confirmed yet (the next call looks up).
   */
  private record Entry(UserRevocations revocations, Instant readAt) {}

  private RevocationCache(Builder b) {
    this.source = b.source;
    this.staleness = b.staleness;
    this.clock = b.clock;
    this.maxEntries = b.maxEntries;
  }

  /**
   * Returns a builder.
   *
   * @return a builder; the source is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the staleness bound.
   *
   * @return how long an answer is reused
   */
  public Duration staleness() {
    return staleness;
  }

  @Override
  public Optional<Instant> tokensValidAfter(String userId) {
    return revocationsOf(userId).tokensValidAfter();
  }

  /**
   * Returns the user's revocations: from the cache when its answer is younger than the staleness
   * bound, else from the source (whose exception, if any, passes through).
   *
   * @param userId the user's id
   * @return the revocations, including every one recorded locally
   */
  @Override
  public UserRevocations revocationsOf(String userId) {
    if (staleness.isZero()) {
      return source.revocationsOf(userId);
    }
    Instant now = clock.instant();
    Entry cached = entries.get(userId);
    if (cached != null && fresh(cached, now)) {
      return cached.revocations();
    }
    UserRevocations read = source.revocationsOf(userId);
    return read == null ? UserRevocations.none() : refresh(userId, read, now);
  }

  /**
   * Takes revocations read together with something else (the profile, in {@code getProfile}) as
   * a fresh answer, so the next verification needs no lookup of its own.
   *
   * @param userId the user's id
   * @param read what the read returned
   * @param readStartedAt when the read started (its answer is at least as new as that)
   * @return what is now known: {@code read} merged with the revocations recorded locally
   */
  public UserRevocations refresh(String userId, UserRevocations read, Instant readStartedAt) {
    Objects.requireNonNull(read, "read");
    if (staleness.isZero()) {
      return read;
    }
    if (!entries.containsKey(userId) && entries.size() >= maxEntries && !dropExpired(readStartedAt)) {
      return read;
    }
    Instant now = readStartedAt;
    return entries.merge(userId, new Entry(read, readStartedAt), (old, fresh) -> new Entry(
        old.revocations().union(fresh.revocations(), now), later(old.readAt(), fresh.readAt()))).revocations();
  }

  /**
   * Applies a revocation this process has just written, so that it holds here at once. An entry
   * keeps the time of its lookup; without one, the next call looks up and merges this in (in
   * case that lookup started before the write).
   *
   * @param userId the user's id
   * @param written what was written (a sign-out instant, a revoked session, or both)
   */
  public void recordLocally(String userId, UserRevocations written) {
    Objects.requireNonNull(written, "written");
    if (staleness.isZero()) {
      return;
    }
    Instant now = clock.instant();
    entries.merge(userId, new Entry(written, null), (old, local) -> new Entry(
        old.revocations().union(local.revocations(), now), old.readAt()));
  }

  private boolean fresh(Entry entry, Instant now) {
    Instant readAt = entry.readAt();
    return readAt != null && !now.isBefore(readAt) && now.isBefore(readAt.plus(staleness));
  }

  /** Drops every expired entry; tells whether there is room now. */
  private boolean dropExpired(Instant now) {
    entries.entrySet().removeIf(e -> !fresh(e.getValue(), now) && e.getValue().readAt() != null);
    return entries.size() < maxEntries;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "RevocationCache{staleness=" + staleness + ", entries=" + entries.size() + "}";
  }

  /** Builds a {@link RevocationCache}; the source is required. */
  public static final class Builder {
    private TokenRevocations source;
    private Duration staleness = DEFAULT_STALENESS;
    private Clock clock = Clock.systemUTC();
    private int maxEntries = 100_000;

    private Builder() {}

    /**
     * Sets where revocations are looked up when the cache has no fresh answer.
     *
     * @param source the lookup, for example {@link dev.profilekit.aws.dynamodb.internal.ProfileTableRevocations}
     * @return this builder
     */
    public Builder source(TokenRevocations source) {
      this.source = source;
      return this;
    }

    /**
     * Sets how long an answer is reused: the longest a revocation written by another process
     * goes unseen here. Default 5 seconds; zero looks up on every call; at most 1 hour.
     *
     * @param staleness the bound
     * @return this builder
     */
    public Builder staleness(Duration staleness) {
      this.staleness = staleness;
      return this;
    }

    /**
     * Sets the clock the age of answers is measured with. Default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets how many users' answers are kept at most. Default 100000.
     *
     * @param maxEntries at least 1
     * @return this builder
     */
    public Builder maxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Checks the settings and builds the cache.
     *
     * @return the cache
     * @throws InvalidRequestException naming the first missing or out-of-range setting
     */
    public RevocationCache build() {
      RequestChecks.required(source, "source");
      RequestChecks.required(clock, "clock");
      SettingChecks.requireRange("staleness", staleness, Duration.ZERO, MAX_STALENESS);
      RequestChecks.check(maxEntries >= 1, "maxEntries", RequestChecks.MIN, "must be at least 1");
      return new RevocationCache(this);
    }
  }
}
