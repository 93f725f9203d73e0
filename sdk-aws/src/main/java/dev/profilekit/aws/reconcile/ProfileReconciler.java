package dev.profilekit.aws.reconcile;

import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.backfill.BackfillCheckpoint;
import dev.profilekit.aws.backfill.BackfillCheckpointStore;
import dev.profilekit.aws.backfill.internal.RateLimiter;
import dev.profilekit.aws.cognito.internal.CognitoAuth;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.StoredRecord;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sweeps the profile table and finishes what account deletions left: every profile or sign-out
 * record whose Cognito user no longer exists (an interrupted {@code deleteAccount}, a user deleted
 * in the console) is replaced by a tombstone, exactly as the deletion's last step would, and every
 * expired tombstone is removed (DynamoDB's TTL, if enabled, may lag by days). See {@code
 * docs/account-lifecycle.md}.
 *
 * <pre>{@code
 * ReconcileSummary summary = ProfileReconciler.builder()
 *     .cognito(cognito).userPoolId("eu-west-1_AbCdEf123")
 *     .dynamoDb(dynamoDb).tableName("profiles")
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>Costs: 1 {@code Scan} per page, 1 Cognito {@code ListUsers} (filtered by {@code sub}) per
 * profile or sign-out record, spaced by a rate limit (default {@value #DEFAULT_REQUESTS_PER_SECOND}
 * per second, as the backfill's, so that sign-ins keep Cognito's quota), 1 {@code PutItem} per
 * orphan and 1 {@code DeleteItem} per expired tombstone.
 *
 * <p>Resumable like the backfill, with the same checkpoint store: after every page the position is
 * saved (in the table under {@code #backfill-checkpoint#<job>} by default); a run after a failure
 * continues from the page after the last one saved, and a run after a completed sweep starts a
 * new one. Every step is idempotent, so a page swept twice changes nothing more. A failure (Cognito
 * throttling, say) stops the run with its exception.
 */
public final class ProfileReconciler {

  /** The default job name, which keys the checkpoint. */
  public static final String DEFAULT_JOB_NAME = "reconcile";
  /** The default rate of Cognito lookups per second. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 5;
  /** The default number of table items per page. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private final CognitoAuth auth;
  private final ProfileStore store;
  private final BackfillCheckpointStore checkpoints;
  private final String userPoolId;
  private final String jobName;
  private final int pageSize;
  private final RateLimiter limiter;
  private final Clock clock;

  private ProfileReconciler(Builder b) {
    // Only ListUsers is called, which needs no app client; CognitoAuth requires an id all the same.
    this.auth = CognitoAuth.builder().cognito(b.cognito).userPoolId(b.userPoolId).clientId("reconcile").build();
    this.store = ProfileStore.builder().dynamoDb(b.dynamoDb).tableName(b.tableName).build();
    this.checkpoints = b.checkpoints != null ? b.checkpoints : BackfillCheckpointStore.inTable(b.dynamoDb, b.tableName);
    this.userPoolId = b.userPoolId;
    this.jobName = b.jobName;
    this.pageSize = b.pageSize;
    this.limiter = new RateLimiter(b.requestsPerSecond);
    this.clock = b.clock;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sweeps the table, continuing an unfinished sweep from its checkpoint.
   *
   * @return what the sweep did
   * @throws ProfileKitException if a call fails (the next run continues from the last saved page)
   */
  public ReconcileSummary run() {
    Optional<BackfillCheckpoint> unfinished = checkpoints.load(jobName).filter(saved -> !saved.completed());
    unfinished.ifPresent(saved -> {
      if (!saved.userPoolId().equals(userPoolId)) {
        throw new IllegalStateException("The checkpoint of job " + jobName + " belongs to user pool " + saved.userPoolId());
      }
    });
    Instant startedAt = unfinished.map(BackfillCheckpoint::startedAt).orElse(clock.instant());
    // Counts in the checkpoint's terms: created = orphans erased, alreadyPresent = users present, skipped = other records.
    long pages = unfinished.map(BackfillCheckpoint::pages).orElse(0L);
    long erased = unfinished.map(BackfillCheckpoint::created).orElse(0L);
    long present = unfinished.map(BackfillCheckpoint::alreadyPresent).orElse(0L);
    long other = unfinished.map(BackfillCheckpoint::skipped).orElse(0L);
    long tombstonesRemoved = 0;
    String token = unfinished.flatMap(BackfillCheckpoint::nextPaginationToken).orElse(null);
    do {
      StoredRecord.Page page = store.records(pageSize, token);
      for (StoredRecord record : page.records()) {
        Instant now = clock.instant();
        switch (record.kind()) {
          case RESERVED:
            other++;
            break;
          case TOMBSTONE:
            other++;
            if (AccountDeletion.tombstoneExpired(record.tombstoneExpiresAt().orElse(Instant.MIN), now)
                && store.removeTombstone(record.userId(), record.accountDeletedAt().orElseThrow())) {
              tombstonesRemoved++;
            }
            break;
          default:
            acquire();
            if (auth.findUserBySub(record.userId()).isPresent()) {
              present++;
            } else {
              store.eraseAccount(record.userId(), now, AccountDeletion.tombstoneExpiry(now));
              erased++;
            }
        }
      }
      token = page.nextPageToken().orElse(null);
      pages++;
      checkpoints.save(BackfillCheckpoint.builder()
          .jobName(jobName).userPoolId(userPoolId).nextPaginationToken(Optional.ofNullable(token))
          .pages(pages).seen(erased + present + other).created(erased).alreadyPresent(present).skipped(other).failed(0)
          .completed(token == null).startedAt(startedAt).updatedAt(clock.instant())
          .build());
    } while (token != null);
    return new ReconcileSummary(pages, erased + present + other, erased, present, other, tombstonesRemoved, true);
  }

  private void acquire() {
    try {
      limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileKitException("The reconcile job was interrupted; run it again to continue", e);
    }
  }

  @Override
  public String toString() {
    return "ProfileReconciler[job=" + jobName + ", table=" + store.tableName() + "]";
  }

  /** Builds a {@link ProfileReconciler}; Cognito, the pool, DynamoDB and the table are required. */
  public static final class Builder {
    private CognitoIdentityProviderClient cognito;
    private String userPoolId;
    private DynamoDbClient dynamoDb;
    private String tableName;
    private BackfillCheckpointStore checkpoints;
    private String jobName = DEFAULT_JOB_NAME;
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the Cognito client (needs {@code cognito-idp:ListUsers}); not closed by the job.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognito(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the user pool whose users the profiles belong to.
     *
     * @param userPoolId the pool id
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the DynamoDB client (needs {@code Scan}, {@code PutItem}, {@code DeleteItem}, and
     * {@code GetItem} for the checkpoint); not closed by the job.
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
     * @param tableName the table
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets where the checkpoint is kept (default: in the profile table).
     *
     * @param checkpoints the store
     * @return this builder
     */
    public Builder checkpointStore(BackfillCheckpointStore checkpoints) {
      this.checkpoints = checkpoints;
      return this;
    }

    /**
     * Names the job, which keys its checkpoint (default {@value ProfileReconciler#DEFAULT_JOB_NAME}).
     *
     * @param jobName the name
     * @return this builder
     */
    public Builder jobName(String jobName) {
      this.jobName = jobName;
      return this;
    }

    /**
     * Sets the most Cognito lookups per second (default {@value
     * ProfileReconciler#DEFAULT_REQUESTS_PER_SECOND}).
     *
     * @param requestsPerSecond a positive rate
     * @return this builder
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * Sets the table items per page, and so per checkpoint (default {@value
     * ProfileReconciler#DEFAULT_PAGE_SIZE}).
     *
     * @param pageSize 1 to 1000
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets the clock of tombstones and checkpoints (default system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public ProfileReconciler build() {
      RequestChecks.required(cognito, "cognito");
      RequestChecks.requiredText(userPoolId, "userPoolId");
      RequestChecks.required(dynamoDb, "dynamoDb");
      RequestChecks.requiredText(tableName, "tableName");
      RequestChecks.requiredText(jobName, "jobName");
      RequestChecks.required(clock, "clock");
      RequestChecks.range(pageSize, 1, 1000, "pageSize");
      RequestChecks.check(requestsPerSecond > 0 && !Double.isInfinite(requestsPerSecond), "requestsPerSecond", RequestChecks.POSITIVE,
          "a positive, finite number");
      return new ProfileReconciler(this);
    }

  }
}
