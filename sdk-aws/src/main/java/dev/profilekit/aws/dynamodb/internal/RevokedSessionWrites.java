package dev.profilekit.aws.dynamodb.internal;

import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EXPIRES_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.REVOKED_SESSIONS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.TOKENS_VALID_AFTER;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.VERSION;

import dev.profilekit.internal.SignOutRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Records a revoked session on the user's item ({@code revokedSessions.<origin_jti> = expiry}),
 * then tidies the item: entries past their expiry go, and an item that holds nothing but revoked
 * sessions gets the time to live of its latest entry. Never a read-modify-write of the profile:
 * the record is one {@code UpdateItem} (two when the map does not exist yet, because DynamoDB
 * cannot set an entry of a missing map), and the tidy-up, when needed, one more, conditional on
 * what it saw, so nothing written meanwhile is lost. SDK exceptions other than a failed condition reach the caller, who maps them.
 */
public final class RevokedSessionWrites {

  /** Keeps the tidy-up's expression far below DynamoDB's 4 KB; the rest goes next time. */
  private static final int MAX_DROPPED_PER_WRITE = 50;

  private final DynamoDbClient dynamoDb;
  private final String table;

  /**
   * Creates the writer.
   *
   * @param dynamoDb the client
   * @param table the profile table
   */
  public RevokedSessionWrites(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /**
   * Records the session and tidies the item.
   *
   * @param userId the user
   * @param originJti the session's {@code origin_jti}
   * @param expiry when the record may go ({@link SignOutRule#sessionRecordExpiry})
   * @param now the current instant, which decides what is expired
   */
  public void record(String userId, String originJti, Instant expiry, Instant now) {
    tidy(userId, add(userId, originJti, expiry), now);
  }

  private Map<String, AttributeValue> add(String userId, String originJti, Instant expiry) {
    AttributeValue seconds = AttributeValue.fromN(Long.toString(expiry.getEpochSecond()));
    try {
      return addEntry(userId, originJti, seconds);
    } catch (DynamoDbException noMap) {
      // DynamoDB cannot set an entry of a missing map (dynalite refuses the path with a
      // ValidationException, the condition may fail first): create the map holding the entry.
      if (!(noMap instanceof ConditionalCheckFailedException) && noMap.statusCode() != 400) {
        throw noMap;
      }
    }
    try {
      return dynamoDb.updateItem(b -> b.tableName(table).key(key(userId))
          .updateExpression("SET #r = :m")
          .conditionExpression("attribute_not_exists(#r)")
          .expressionAttributeNames(Map.of("#r", REVOKED_SESSIONS))
          .expressionAttributeValues(Map.of(":m", AttributeValue.fromM(Map.of(originJti, seconds))))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
    } catch (ConditionalCheckFailedException mapExists) {
      // The map exists (another sign-out created it meanwhile, or the first refusal had another
      // cause): the entry goes into it, and a refusal now is a real one.
      return addEntry(userId, originJti, seconds);
    }
  }

  private Map<String, AttributeValue> addEntry(String userId, String originJti, AttributeValue seconds) {
    return dynamoDb.updateItem(b -> b.tableName(table).key(key(userId))
        .updateExpression("SET #r.#j = :x")
        .conditionExpression("attribute_exists(#r)")
        .expressionAttributeNames(Map.of("#r", REVOKED_SESSIONS, "#j", originJti))
        .expressionAttributeValues(Map.of(":x", seconds))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
  }

  private void tidy(String userId, Map<String, AttributeValue> item, Instant now) {
    Map<String, Instant> sessions = ProfileItemCodec.revokedSessions(item);
    Map<String, Instant> kept = SignOutRule.unexpired(sessions, now);
    Optional<Long> timeToLive = holdsOnlyRevokedSessions(item) && !kept.isEmpty()
        ? Optional.of(kept.values().stream().mapToLong(Instant::getEpochSecond).max().orElseThrow())
        : Optional.empty();
    AttributeValue current = item.get(EXPIRES_AT);
    boolean ttlChanges = timeToLive.isPresent() && (current == null || !timeToLive.get().toString().equals(current.n()));
    List<String> dropped = new ArrayList<>();
    for (String session : sessions.keySet()) {
      if (!kept.containsKey(session) && dropped.size() < MAX_DROPPED_PER_WRITE) {
        dropped.add(session);
      }
    }
    if (dropped.isEmpty() && !ttlChanges) {
      return;
    }
    // DynamoDB refuses unused placeholders: #r only when entries are removed.
    Map<String, String> names = new HashMap<>();
    if (!dropped.isEmpty()) {
      names.put("#r", REVOKED_SESSIONS);
    }
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> removals = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    for (String session : dropped) {
      String name = "#d" + removals.size();
      String value = ":d" + removals.size();
      names.put(name, session);
      values.put(value, item.get(REVOKED_SESSIONS).m().get(session));
      removals.add("#r." + name);
      // Only the entry seen expired: a sign-out may have written it again since.
      conditions.add("#r." + name + " = " + value);
    }
    StringBuilder update = new StringBuilder();
    if (ttlChanges) {
      names.putAll(Map.of("#e", EXPIRES_AT, "#v", VERSION, "#t", TOKENS_VALID_AFTER, "#a", ACCOUNT_DELETED_AT));
      values.put(":e", AttributeValue.fromN(timeToLive.get().toString()));
      update.append("SET #e = :e ");
      // Never a time to live on an item that got a profile or a sign-out record meanwhile.
      conditions.add("attribute_not_exists(#v) AND attribute_not_exists(#t) AND attribute_not_exists(#a)");
    }
    if (!removals.isEmpty()) {
      update.append("REMOVE ").append(String.join(", ", removals));
    }
    try {
      dynamoDb.updateItem(b -> b.tableName(table).key(key(userId))
          .updateExpression(update.toString().trim())
          .conditionExpression(String.join(" AND ", conditions))
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException changed) {
      // The item changed since the record was written; the next sign-out tidies it. Every entry
      // kept meanwhile is harmless: expired sessions have no token left that could verify.
    }
  }

  /** An item that would lose nothing but expired revocations if its time to live removed it. */
  private static boolean holdsOnlyRevokedSessions(Map<String, AttributeValue> item) {
    return !ProfileItemCodec.isProfile(item) && !ProfileItemCodec.isTombstone(item) && !item.containsKey(TOKENS_VALID_AFTER);
  }

  private static Map<String, AttributeValue> key(String userId) {
    return Map.of(USER_ID, AttributeValue.fromS(userId));
  }
}
