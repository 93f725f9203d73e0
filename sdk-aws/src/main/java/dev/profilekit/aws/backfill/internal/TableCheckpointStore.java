package dev.profilekit.aws.backfill.internal;

import dev.profilekit.aws.backfill.BackfillCheckpoint;
import dev.profilekit.aws.backfill.BackfillCheckpointStore;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.aws.dynamodb.internal.DynamoDbErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Keeps checkpoints in the profile table under {@link BackfillCheckpointStore#TABLE_KEY_PREFIX}
 * plus the job name. The item carries {@code recordType = backfill-checkpoint} so that anyone
 * reading the table raw can tell it is not a profile.
 */
public final class TableCheckpointStore implements BackfillCheckpointStore {

  /** Value of the {@code recordType} attribute of checkpoint items. */
  public static final String RECORD_TYPE = "backfill-checkpoint";

  /** At most this many bytes of user ids and reasons are kept in the item (DynamoDB's limit is 400 KB). */
  public static final int MAX_FAILURE_BYTES = 300_000;

  /** A longer reason is cut to this many characters. */
  public static final int MAX_REASON_LENGTH = 1_000;

  /** The attribute names "userId" and "reason" plus DynamoDB's per-element overhead of a list of maps. */
  private static final int FAILURE_OVERHEAD_BYTES = 6 + 6 + 8;

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  /**
   * Creates the store.
   *
   * @param dynamoDb the client
   * @param tableName the profile table
   */
  public TableCheckpointStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  /**
   * Returns the table key of a job's checkpoint.
   *
   * @param jobName the job
   * @return the key
   */
  public static Map<String, AttributeValue> key(String jobName) {
    return Map.of("userId", s(TABLE_KEY_PREFIX + jobName));
  }

  @Override
  public Optional<BackfillCheckpoint> load(String jobName) {
    GetItemResponse response;
    try {
      response = dynamoDb.getItem(get -> get.tableName(tableName).key(key(jobName)).consistentRead(true));
    } catch (SdkException e) {
      throw DynamoDbErrors.map("GetItem (backfill checkpoint)", tableName, e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = response.item();
    BackfillCheckpoint.Builder checkpoint = BackfillCheckpoint.builder()
        .jobName(item.get("jobName").s())
        .userPoolId(item.get("userPoolId").s())
        .pages(n(item, "pages"))
        .seen(n(item, "seen"))
        .created(n(item, "created"))
        .alreadyPresent(n(item, "alreadyPresent"))
        .skipped(n(item, "skipped"))
        .failed(n(item, "failed"))
        .completed(Boolean.TRUE.equals(item.get("completed").bool()))
        .startedAt(Instant.parse(item.get("startedAt").s()))
        .updatedAt(Instant.parse(item.get("updatedAt").s()));
    if (item.containsKey("nextPaginationToken")) {
      checkpoint.nextPaginationToken(item.get("nextPaginationToken").s());
    }
    if (item.containsKey("failures")) {
      for (AttributeValue failure : item.get("failures").l()) {
        checkpoint.addFailure(BackfillFailure.of(failure.m().get("userId").s(), failure.m().get("reason").s()));
      }
    }
    return Optional.of(checkpoint.build());
  }

  @Override
  public void save(BackfillCheckpoint checkpoint) {
    Map<String, AttributeValue> item = new HashMap<>(key(checkpoint.jobName()));
    item.put("recordType", s(RECORD_TYPE));
    item.put("jobName", s(checkpoint.jobName()));
    item.put("userPoolId", s(checkpoint.userPoolId()));
    checkpoint.nextPaginationToken().ifPresent(token -> item.put("nextPaginationToken", s(token)));
    item.put("pages", n(checkpoint.pages()));
    item.put("seen", n(checkpoint.seen()));
    item.put("created", n(checkpoint.created()));
    item.put("alreadyPresent", n(checkpoint.alreadyPresent()));
    item.put("skipped", n(checkpoint.skipped()));
    item.put("failed", n(checkpoint.failed()));
    item.put("completed", AttributeValue.fromBool(checkpoint.completed()));
    item.put("startedAt", s(checkpoint.startedAt().toString()));
    item.put("updatedAt", s(checkpoint.updatedAt().toString()));
    // maxRecordedFailures allows 10,000 failures, whose reasons can far exceed one item's 400 KB:
    // keep the first ones that fit. The counts stay exact; the summary lists fewer failures, as
    // it already does past maxRecordedFailures.
    List<AttributeValue> failures = new ArrayList<>();
    int bytes = 0;
    for (BackfillFailure failure : checkpoint.failures()) {
      String reason = failure.reason().length() > MAX_REASON_LENGTH ? failure.reason().substring(0, MAX_REASON_LENGTH) : failure.reason();
      bytes += utf8Length(failure.userId()) + utf8Length(reason) + FAILURE_OVERHEAD_BYTES;
      if (bytes > MAX_FAILURE_BYTES) {
        break;
      }
      failures.add(AttributeValue.fromM(Map.of("userId", s(failure.userId()), "reason", s(reason))));
    }
    item.put("failures", AttributeValue.fromL(failures));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item));
    } catch (SdkException e) {
      throw DynamoDbErrors.map("PutItem (backfill checkpoint)", tableName, e);
    }
  }

  private static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static long n(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }
}
