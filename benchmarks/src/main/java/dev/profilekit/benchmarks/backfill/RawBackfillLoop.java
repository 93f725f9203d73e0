package dev.profilekit.benchmarks.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The floor a backfill is judged against: page through {@code ListUsers} and write each user with
 * a conditional {@code PutItem}, with the same write concurrency as the backfill, and nothing else
 * (no policy checks, no checkpoints, no progress, no rate limit, a hand-written mapping of the
 * same attributes).
 */
public final class RawBackfillLoop {

  private RawBackfillLoop() {}

  /**
   * Copies every user of the pool into the table, skipping users that already have an item.
   *
   * @param cognito the Cognito client
   * @param userPoolId the pool
   * @param dynamoDb the DynamoDB client
   * @param table the table
   * @param concurrency how many writes run at once within a page
   * @return how many items were created
   * @throws InterruptedException if interrupted
   */
  public static long run(CognitoIdentityProviderClient cognito, String userPoolId, DynamoDbClient dynamoDb, String table,
      int concurrency) throws InterruptedException {
    ExecutorService writers = Executors.newFixedThreadPool(concurrency);
    AtomicLong created = new AtomicLong();
    try {
      String token = null;
      do {
        String from = token;
        ListUsersResponse page = cognito.listUsers(b -> b.userPoolId(userPoolId).limit(SeededCognitoLocal.PAGE_SIZE)
            .paginationToken(from));
        List<Future<?>> writes = new ArrayList<>(page.users().size());
        String now = Instant.now().toString();
        for (UserType user : page.users()) {
          Map<String, AttributeValue> item = item(user, now);
          writes.add(writers.submit(() -> {
            try {
              dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(userId)"));
              created.incrementAndGet();
            } catch (ConditionalCheckFailedException exists) {
              // Already there: never overwritten.
            }
          }));
        }
        for (Future<?> write : writes) {
          try {
            write.get();
          } catch (ExecutionException e) {
            throw new IllegalStateException("PutItem failed", e.getCause());
          }
        }
        token = page.paginationToken();
      } while (token != null);
    } finally {
      writers.shutdownNow();
    }
    return created.get();
  }

  private static Map<String, AttributeValue> item(UserType user, String now) {
    Map<String, String> attributes = new HashMap<>();
    for (AttributeType attribute : user.attributes()) {
      attributes.put(attribute.name(), attribute.value());
    }
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", AttributeValue.fromS(attributes.get("sub")));
    item.put("version", AttributeValue.fromN("1"));
    item.put("email", AttributeValue.fromS(attributes.get("email")));
    item.put("emailVerified", AttributeValue.fromBool(Boolean.parseBoolean(attributes.get("email_verified"))));
    item.put("givenName", AttributeValue.fromS(attributes.get("given_name")));
    item.put("familyName", AttributeValue.fromS(attributes.get("family_name")));
    item.put("displayName", AttributeValue.fromS(attributes.get("given_name") + " " + attributes.get("family_name")));
    item.put("preferences", AttributeValue.fromM(Map.of()));
    item.put("customFields", AttributeValue.fromM(Map.of()));
    item.put("createdAt", AttributeValue.fromS(user.userCreateDate().toString()));
    item.put("updatedAt", AttributeValue.fromS(now));
    return item;
  }
}
