package dev.profilekit.aws.backfill;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.aws.backfill.internal.FileCheckpointStore;
import dev.profilekit.aws.backfill.internal.PageOutcome;
import dev.profilekit.aws.backfill.internal.PageWriter;
import dev.profilekit.aws.backfill.internal.RateLimiter;
import dev.profilekit.aws.backfill.internal.WriterThreads;
import dev.profilekit.aws.cognito.internal.CognitoErrors;
import dev.profilekit.aws.cognito.internal.CognitoOperation;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Copies every user of a Cognito user pool into the profile table, without ever overwriting a
 * stored profile: the job that lets a team adopt ProfileKit with users it already has.
 *
 * <p>The job pages through {@code ListUsers} ({@value #MAX_PAGE_SIZE} users per page, the most
 * Cognito allows), no faster than {@link Builder#requestsPerSecond(double)}, so it leaves the
 * pool's {@code ListUsers} quota to the live service. Each user is mapped with the shared {@link
 * dev.profilekit.AttributeMapper} (plus {@code sub}, the creation date and the {@code identities}
 * attribute), checked with the {@link ProfilePolicy}, and created with the profile store's
 * conditional insert ({@link ProfileStore#insertIfAbsent}: one {@code PutItem} on condition that
 * the user has no item, in the same item format as the service): a profile that exists, edited by
 * its user or created by a concurrent first sign-in, is left exactly as it is, and a sign-out record
 * kept on the user's item survives. Writes of one page run with bounded concurrency; only one page
 * is held in memory, whatever the pool's size.
 *
 * <p>After each page a {@link BackfillCheckpoint} is saved, so {@link #resume()} continues where
 * an interrupted run stopped; running again from the start is harmless too. A {@link
 * Builder#dryRun(boolean) dry run} writes nothing, not even checkpoints.
 *
 * <pre>{@code
 * ProfileBackfill backfill = ProfileBackfill.builder()
 *     .cognito(cognitoClient).userPoolId("eu-west-1_AbCdEf")
 *     .dynamoDb(dynamoDbClient).tableName("profiles")
 *     .filter(BackfillFilter.confirmedOnly())
 *     .progressListener(progress -> System.out.println(progress.toLine()))
 *     .build();
 * BackfillSummary summary = backfill.resume(); // or run() to start over
 * }</pre>
 *
 * <p>Permissions: {@code cognito-idp:ListUsers} and {@code cognito-idp:DescribeUserPool} on the
 * pool; {@code dynamodb:UpdateItem} (profiles), {@code dynamodb:GetItem} and {@code dynamodb:PutItem}
 * (dry run, checkpoint) on the table (see {@code docs/setup.md}). Instances are thread-safe, but one job name should be run by one process at a
 * time.
 */
public final class ProfileBackfill {

  /** The largest {@code ListUsers} page Cognito returns. */
  public static final int MAX_PAGE_SIZE = 60;
  /** The default rate of {@code ListUsers} calls: a sixth of Cognito's default quota of 30 per second. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 5;
  /** The default number of concurrent writes. */
  public static final int DEFAULT_WRITE_CONCURRENCY = 8;
  /** The most concurrent writes allowed. */
  public static final int MAX_WRITE_CONCURRENCY = 64;
  /** The default job name. */
  public static final String DEFAULT_JOB_NAME = "default";

  private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final String jobName;
  private final BackfillCheckpointStore checkpoints;
  private final double requestsPerSecond;
  private final int writeConcurrency;
  private final int pageSize;
  private final BackfillFilter filter;
  private final boolean dryRun;
  private final BackfillProgressListener listener;
  private final ProfilePolicy policy;
  private final int maxRecordedFailures;
  private final Clock clock;
  private final int segmentIndex;
  private final int segmentCount;
  private final LongSupplier rateTicker;
  private final RateLimiter.Sleeper rateSleeper;

  private ProfileBackfill(Builder builder) {
    this.cognito = builder.cognito;
    this.userPoolId = builder.userPoolId;
    this.dynamoDb = builder.dynamoDb;
    this.tableName = builder.tableName;
    this.jobName = builder.jobName;
    this.checkpoints = builder.checkpoints != null ? builder.checkpoints : BackfillCheckpointStore.inTable(dynamoDb, tableName);
    this.requestsPerSecond = builder.requestsPerSecond;
    this.writeConcurrency = builder.writeConcurrency;
    this.pageSize = builder.pageSize;
    this.filter = builder.filter;
    this.dryRun = builder.dryRun;
    this.listener = builder.listener;
    this.policy = builder.policy;
    this.maxRecordedFailures = builder.maxRecordedFailures;
    this.clock = builder.clock;
    this.segmentIndex = builder.segmentIndex;
    this.segmentCount = builder.segmentCount;
    this.rateTicker = builder.rateTicker;
    this.rateSleeper = builder.rateSleeper;
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the job from the first page, replacing any checkpoint of the same job name.
   *
   * @return what the run did
   * @throws ProfileKitException if Cognito or DynamoDB fails in a way that stops the job
   *     ({@link dev.profilekit.ThrottledException}, {@link
   *     dev.profilekit.ServiceUnavailableException}, a missing table or pool, denied access); the
   *     checkpoint then holds the last complete page, ready for {@link #resume()}
   */
  public BackfillSummary run() {
    long startNanos = System.nanoTime();
    List<String> prefixes = subPrefixes();
    return executeAll(prefixes, Collections.nCopies(prefixes.size(), Optional.empty()), startNanos);
  }

  /**
   * Continues the job from its checkpoint, or runs it from the first page when it has none. A
   * job whose checkpoint says it completed returns that result at once; use {@link #run()} to
   * start it over. A {@link Builder#segment(int, int) segment} resumes each of its {@code sub}
   * prefixes from that prefix's own checkpoint.
   *
   * @return what the whole job did, including the runs before this one
   * @throws InvalidRequestException in a dry run, which keeps no checkpoint, or if the checkpoint
   *     belongs to another user pool
   * @throws ProfileKitException as {@link #run()}
   */
  public BackfillSummary resume() {
    if (dryRun) {
      throw new InvalidRequestException("dryRun", RequestChecks.NO_RESUME, "a dry run keeps no checkpoint; run it from the start");
    }
    long startNanos = System.nanoTime();
    List<String> prefixes = subPrefixes();
    List<Optional<BackfillCheckpoint>> saved = new ArrayList<>();
    for (String prefix : prefixes) {
      Optional<BackfillCheckpoint> checkpoint = checkpoints.load(checkpointName(prefix));
      if (checkpoint.isPresent() && !checkpoint.get().userPoolId().equals(userPoolId)) {
        throw new InvalidRequestException("jobName", RequestChecks.SAME_USER_POOL,
            "job '" + jobName + "' was started on another user pool; choose another job name or run it from the start");
      }
      saved.add(checkpoint);
    }
    return executeAll(prefixes, saved, startNanos);
  }

  /** Lists each prefix in turn, each from its checkpoint if it has one, and adds the runs up. */
  private BackfillSummary executeAll(List<String> prefixes, List<Optional<BackfillCheckpoint>> from, long startNanos) {
    SegmentRun whole = new SegmentRun(new PageOutcome(maxRecordedFailures));
    for (int i = 0; i < prefixes.size(); i++) {
      whole.add(execute(checkpointName(prefixes.get(i)), prefixes.get(i), from.get(i)));
    }
    return BackfillReports.summary(jobName, dryRun, whole.total, whole.pages, true, startNanos);
  }

  /**
   * The {@code sub} prefixes this job lists, one {@code ListUsers} listing each: none (the whole
   * pool, one listing) unless the job is a segment. Cognito's {@code sub} is a lowercase UUID, so
   * the sixteen hex digits split the pool into disjoint listings, and segment i of n takes the
   * digits d with d mod n == i: n workers together list every user exactly once.
   */
  List<String> subPrefixes() {
    if (segmentCount == 1) {
      return Collections.singletonList(null);
    }
    List<String> prefixes = new ArrayList<>();
    for (int digit = segmentIndex; digit < 16; digit += segmentCount) {
      prefixes.add(Character.toString(Character.forDigit(digit, 16)));
    }
    return prefixes;
  }

  // Each prefix keeps its own checkpoint so that segments run by separate processes never share one.
  private String checkpointName(String prefix) {
    return prefix == null ? jobName : jobName + ".sub-" + prefix;
  }

  /** What one listing (or several, added up) did. */
  private static final class SegmentRun {
    private final PageOutcome total;
    private long pages;

    private SegmentRun(PageOutcome total) {
      this.total = total;
    }

    private void add(SegmentRun other) {
      total.addAll(other.total);
      pages += other.pages;
    }
  }

  private SegmentRun execute(String checkpointName, String subPrefix, Optional<BackfillCheckpoint> from) {
    long startNanos = System.nanoTime();
    Instant startedAt = from.map(BackfillCheckpoint::startedAt).orElse(clock.instant());
    SegmentRun run = new SegmentRun(new PageOutcome(maxRecordedFailures));
    PageOutcome total = run.total;
    String token = null;
    if (from.isPresent()) {
      BackfillCheckpoint checkpoint = from.get();
      total.restore(checkpoint.created(), checkpoint.alreadyPresent(), checkpoint.skipped(), checkpoint.failed(), checkpoint.failures());
      run.pages = checkpoint.pages();
      if (checkpoint.completed()) {
        return run;
      }
      token = checkpoint.nextPaginationToken().orElse(null);
    }
    long seenBefore = total.seen();
    Optional<Long> estimate = subPrefix == null ? estimatedUsers() : Optional.empty();
    RateLimiter limiter = new RateLimiter(requestsPerSecond, rateTicker, rateSleeper);
    ExecutorService executor = Executors.newFixedThreadPool(writeConcurrency, new WriterThreads());
    ProfileStore store = ProfileStore.builder().dynamoDb(dynamoDb).tableName(tableName).policy(policy).build();
    PageWriter writer = new PageWriter(store, policy, filter, dryRun, executor, clock);
    try {
      boolean last;
      do {
        limiter.acquire();
        ListUsersResponse page = listUsers(token, subPrefix);
        total.addAll(writer.write(page.users(), maxRecordedFailures));
        run.pages++;
        token = page.paginationToken() == null || page.paginationToken().isEmpty() ? null : page.paginationToken();
        last = token == null;
        if (!dryRun) {
          checkpoints.save(BackfillReports.checkpoint(checkpointName, userPoolId, total, run.pages, token, last, startedAt, clock.instant()));
        }
        listener.onProgress(BackfillReports.progress(dryRun, total, run.pages, total.seen() - seenBefore, startNanos, estimate));
      } while (!last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileKitException("The backfill was interrupted; resume() continues from the last complete page");
    } finally {
      executor.shutdownNow();
    }
    return run;
  }

  private ListUsersResponse listUsers(String token, String subPrefix) {
    // ListUsers' documented prefix filter ("starts with", ^=) on the searchable attribute sub.
    String filterExpression = subPrefix == null ? null : "sub ^= \"" + subPrefix + "\"";
    try {
      return cognito.listUsers(list -> list.userPoolId(userPoolId).limit(pageSize).paginationToken(token).filter(filterExpression));
    } catch (SdkException e) {
      throw CognitoErrors.map(CognitoOperation.LIST_USERS, e);
    }
  }

  private Optional<Long> estimatedUsers() {
    try {
      Integer estimate = cognito.describeUserPool(describe -> describe.userPoolId(userPoolId)).userPool().estimatedNumberOfUsers();
      return estimate == null || estimate <= 0 ? Optional.empty() : Optional.of(estimate.longValue());
    } catch (SdkException e) {
      // The estimate only feeds the progress report; ListUsers reports real problems just after.
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "ProfileBackfill[job=" + jobName + ", pool=" + userPoolId + ", table=" + tableName + ", filter=" + filter
        + ", " + requestsPerSecond + " ListUsers/s, " + writeConcurrency + " concurrent writes" + (dryRun ? ", dry run" : "") + "]";
  }

  /** Builds a {@link ProfileBackfill}; the clients, the user pool id and the table name are required. */
  public static final class Builder {
    private CognitoIdentityProviderClient cognito;
    private String userPoolId;
    private DynamoDbClient dynamoDb;
    private String tableName;
    private String jobName = DEFAULT_JOB_NAME;
    private BackfillCheckpointStore checkpoints;
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private int writeConcurrency = DEFAULT_WRITE_CONCURRENCY;
    private int pageSize = MAX_PAGE_SIZE;
    private BackfillFilter filter = BackfillFilter.all();
    private boolean dryRun;
    private BackfillProgressListener listener = BackfillProgressListener.NONE;
    private ProfilePolicy policy = ProfilePolicy.defaults();
    private int maxRecordedFailures = 100;
    private Clock clock = Clock.systemUTC();
    private int segmentIndex;
    private int segmentCount = 1;
    private LongSupplier rateTicker = System::nanoTime;
    private RateLimiter.Sleeper rateSleeper = TimeUnit.NANOSECONDS::sleep;

    private Builder() {}

    /**
     * Sets the clock the {@code ListUsers} rate is kept on (default {@link System#nanoTime()} and
     * a real sleep). Package-private: for simulations on a virtual clock
     * ({@code BackfillSimulationTest}), so a run over a million users takes virtual, not real, time.
     */
    Builder rateClock(LongSupplier ticker, RateLimiter.Sleeper sleeper) {
      this.rateTicker = ticker;
      this.rateSleeper = sleeper;
      return this;
    }

    /**
     * Makes this job segment {@code index} of {@code count}, so that {@code count} processes or
     * machines, each with the same job name and its own segment, copy the pool in parallel: the
     * segment lists only the users whose {@code sub} starts with a hex digit d with d mod count ==
     * index ({@code ListUsers} filter {@code sub ^= "d"}, one listing per digit) and keeps one
     * checkpoint per digit (job name plus {@code .sub-d}). The segments of one count are disjoint
     * and together cover every user; each worker has its own {@link #requestsPerSecond(double)},
     * so divide the pool's quota among them. Default 0 of 1: the whole pool in one listing.
     *
     * @param index 0 to count - 1
     * @param count 1 to 16
     * @return this builder
     */
    public Builder segment(int index, int count) {
      this.segmentIndex = index;
      this.segmentCount = count;
      return this;
    }

    /**
     * Sets the Cognito client that lists the users. Its retry policy applies to every call.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognito(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the user pool to copy, for example {@code eu-west-1_AbCdEf123}.
     *
     * @param userPoolId the pool id
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the DynamoDB client that writes the profiles. Its retry policy applies to every call.
     *
     * @param dynamoDb the client
     * @return this builder
     */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = dynamoDb;
      return this;
    }

    /**
     * Sets the profile table.
     *
     * @param tableName the table name
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Names the job, which keys its checkpoint; default {@value ProfileBackfill#DEFAULT_JOB_NAME}.
     *
     * @param jobName 1 to 100 of {@code A-Z a-z 0-9 . _ -}
     * @return this builder
     */
    public Builder jobName(String jobName) {
      this.jobName = jobName;
      return this;
    }

    /**
     * Sets where checkpoints are kept; by default in the profile table under a reserved key.
     *
     * @param checkpoints the store
     * @return this builder
     */
    public Builder checkpointStore(BackfillCheckpointStore checkpoints) {
      this.checkpoints = checkpoints;
      return this;
    }

    /**
     * Sets the most {@code ListUsers} calls per second; default {@value
     * ProfileBackfill#DEFAULT_REQUESTS_PER_SECOND}. Cognito's default quota for {@code ListUsers}
     * is 30 per second per account and region, shared with the live service's fallback look-ups.
     *
     * @param requestsPerSecond greater than 0, at most 1000
     * @return this builder
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * Sets how many profile writes run at once; default {@value
     * ProfileBackfill#DEFAULT_WRITE_CONCURRENCY}.
     *
     * @param writeConcurrency 1 to {@value ProfileBackfill#MAX_WRITE_CONCURRENCY}
     * @return this builder
     */
    public Builder writeConcurrency(int writeConcurrency) {
      this.writeConcurrency = writeConcurrency;
      return this;
    }

    /**
     * Sets the {@code ListUsers} page size; default and maximum {@value
     * ProfileBackfill#MAX_PAGE_SIZE}. Smaller pages mean more frequent checkpoints.
     *
     * @param pageSize 1 to {@value ProfileBackfill#MAX_PAGE_SIZE}
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets which users to copy; default {@link BackfillFilter#all()}.
     *
     * @param filter the filter
     * @return this builder
     */
    public Builder filter(BackfillFilter filter) {
      this.filter = filter;
      return this;
    }

    /**
     * Makes the run a dry run: it lists and maps users and checks which already have a profile
     * ({@code GetItem}), but writes nothing, not even checkpoints.
     *
     * @param dryRun true for a dry run
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Sets the listener told of progress after each page.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder progressListener(BackfillProgressListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Sets the policy each profile is checked against before it is written; use the service's.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ProfilePolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Sets how many failures the summary keeps with their reasons (all are counted); default 100.
     *
     * @param maxRecordedFailures 0 to 10,000
     * @return this builder
     */
    public Builder maxRecordedFailures(int maxRecordedFailures) {
      this.maxRecordedFailures = maxRecordedFailures;
      return this;
    }

    /**
     * Sets the clock that stamps created profiles and checkpoints; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the job after checking every setting.
     *
     * @return the job
     * @throws InvalidRequestException naming the first missing or invalid setting
     */
    public ProfileBackfill build() {
      RequestChecks.required(cognito, "cognito");
      RequestChecks.requiredText(userPoolId, "userPoolId");
      RequestChecks.required(dynamoDb, "dynamoDb");
      RequestChecks.requiredText(tableName, "tableName");
      RequestChecks.requiredText(jobName, "jobName");
      RequestChecks.check(JOB_NAME.matcher(jobName).matches(), "jobName", RequestChecks.PATTERN, "1 to 100 of A-Z a-z 0-9 . _ -");
      RequestChecks.check(requestsPerSecond > 0 && requestsPerSecond <= 1000, "requestsPerSecond", RequestChecks.RANGE,
          "greater than 0, at most 1000");
      RequestChecks.range(writeConcurrency, 1, MAX_WRITE_CONCURRENCY, "writeConcurrency");
      RequestChecks.range(pageSize, 1, MAX_PAGE_SIZE, "pageSize");
      RequestChecks.range(maxRecordedFailures, 0, 10_000, "maxRecordedFailures");
      RequestChecks.range(segmentCount, 1, 16, "segmentCount");
      RequestChecks.check(segmentIndex >= 0 && segmentIndex < segmentCount, "segmentIndex", RequestChecks.RANGE,
          "0 to segmentCount - 1");
      // A checkpoint file holds one job's checkpoint; a segment keeps one per sub prefix.
      RequestChecks.check(!(segmentCount > 1 && checkpoints instanceof FileCheckpointStore), "checkpointStore",
          RequestChecks.EXCLUSIVE, "a segmented job keeps its checkpoints in the table, not in a file");
      RequestChecks.required(filter, "filter");
      RequestChecks.required(listener, "progressListener");
      RequestChecks.required(policy, "policy");
      RequestChecks.required(clock, "clock");
      return new ProfileBackfill(this);
    }


  }
}
