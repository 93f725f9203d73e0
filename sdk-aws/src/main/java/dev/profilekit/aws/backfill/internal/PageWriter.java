package dev.profilekit.aws.backfill.internal;

import dev.profilekit.AttributeMapper;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.aws.backfill.BackfillFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Copies one page of users into the table: filters and maps each user on the calling thread, then
 * writes the profiles with conditional {@code PutItem}s ({@code attribute_not_exists(userId)}) on
 * the executor, whose size bounds the concurrency. {@code BatchWriteItem} is not used because it
 * cannot be conditional, and the backfill must never overwrite a profile.
 */
public final class PageWriter {

  /** The condition that makes a write create-only. */
  public static final String CREATE_ONLY = "attribute_not_exists(userId)";

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Function<UserProfile, Map<String, AttributeValue>> encoder;
  private final ProfilePolicy policy;
  private final AttributeMapper mapper;
  private final BackfillFilter filter;
  private final boolean dryRun;
  private final ExecutorService executor;
  private final Clock clock;

  /**
   * Creates a writer.
   *
   * @param dynamoDb the DynamoDB client
   * @param tableName the profile table
   * @param encoder turns a profile into its table item
   * @param policy checks each profile before it is written
   * @param filter chooses the users to copy
   * @param dryRun whether to only check for existing profiles, writing nothing
   * @param executor runs the writes; its thread count bounds the concurrency
   * @param clock the write time of created profiles
   */
  public PageWriter(DynamoDbClient dynamoDb, String tableName, Function<UserProfile, Map<String, AttributeValue>> encoder,
      ProfilePolicy policy, BackfillFilter filter, boolean dryRun, ExecutorService executor, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.encoder = encoder;
    this.policy = policy;
    this.mapper = AttributeMapper.withPolicy(policy);
    this.filter = filter;
    this.dryRun = dryRun;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Copies a page of users.
   *
   * @param users the page
   * @param maxRecordedFailures how many failures to keep with reasons
   * @return the page's counts
   * @throws ProfileKitException if DynamoDB throttles or fails in a way every later write would
   *     meet too; the page's successful writes stay, and the page is done again on resume
   * @throws InterruptedException if interrupted while waiting for the writes
   */
  public PageOutcome write(List<UserType> users, int maxRecordedFailures) throws InterruptedException {
    PageOutcome outcome = new PageOutcome(maxRecordedFailures);
    List<Future<UserResult>> writes = new ArrayList<>(users.size());
    for (UserType user : users) {
      if (!filter.test(user)) {
        outcome.add(PageOutcome.Result.SKIPPED);
        continue;
      }
      Map<String, String> attributes = CognitoUserProfiles.attributes(user);
      Optional<String> userId = CognitoUserProfiles.userId(attributes);
      if (userId.isEmpty()) {
        outcome.fail(BackfillFailure.of(String.valueOf(user.username()), "the user has no sub attribute"));
        continue;
      }
      UserProfile profile;
      try {
        profile = CognitoUserProfiles.toStoredProfile(user, userId.get(), attributes, mapper, clock.instant());
        policy.validateProfile(profile);
      } catch (InvalidProfileException e) {
        outcome.fail(BackfillFailure.of(userId.get(), "invalid profile: " + e.getMessage()));
        continue;
      } catch (IllegalArgumentException e) {
        outcome.fail(BackfillFailure.of(userId.get(), e.getMessage()));
        continue;
      }
      writes.add(executor.submit(() -> dryRun ? check(profile.userId()) : create(profile)));
    }
    ProfileKitException stop = null;
    for (Future<UserResult> write : writes) {
      UserResult result;
      try {
        result = write.get();
      } catch (ExecutionException | CancellationException e) {
        // Only programming errors get here: create/check catch every SDK failure.
        throw new IllegalStateException("a backfill write failed unexpectedly", e);
      } catch (InterruptedException e) {
        writes.forEach(pending -> pending.cancel(true));
        throw e;
      }
      if (result.stop != null) {
        stop = stop == null ? result.stop : stop;
      } else if (result.failure != null) {
        outcome.fail(result.failure);
      } else {
        outcome.add(result.result);
      }
    }
    if (stop != null) {
      throw stop;
    }
    return outcome;
  }

  private UserResult create(UserProfile profile) {
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(encoder.apply(profile)).conditionExpression(CREATE_ONLY));
      return UserResult.of(PageOutcome.Result.CREATED);
    } catch (ConditionalCheckFailedException present) {
      return UserResult.of(PageOutcome.Result.ALREADY_PRESENT);
    } catch (SdkException e) {
      return failed(profile.userId(), "DynamoDB PutItem", e);
    }
  }

  private UserResult check(String userId) {
    try {
      boolean present = dynamoDb.getItem(get -> get.tableName(tableName)
              .key(Map.of("userId", AttributeValue.fromS(userId)))
              .projectionExpression("userId"))
          .hasItem();
      return UserResult.of(present ? PageOutcome.Result.ALREADY_PRESENT : PageOutcome.Result.CREATED);
    } catch (SdkException e) {
      return failed(userId, "DynamoDB GetItem", e);
    }
  }

  private static UserResult failed(String userId, String operation, SdkException e) {
    ProfileKitException translated = AwsFailures.translate(operation, e);
    if (AwsFailures.stopsTheJob(translated)) {
      return new UserResult(null, null, translated);
    }
    return new UserResult(null, BackfillFailure.of(userId, translated.getMessage()), null);
  }

  private static final class UserResult {
    private final PageOutcome.Result result;
    private final BackfillFailure failure;
    private final ProfileKitException stop;

    private UserResult(PageOutcome.Result result, BackfillFailure failure, ProfileKitException stop) {
      this.result = result;
      this.failure = failure;
      this.stop = stop;
    }

    static UserResult of(PageOutcome.Result result) {
      return new UserResult(result, null, null);
    }
  }
}
