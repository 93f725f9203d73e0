package dev.profilekit.aws.backfill;

import dev.profilekit.emulators.EmulatorEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Fills a cognito-local user pool quickly and reads back what the backfill wrote. */
final class PoolFixture {

  /** The {@code identities} attribute Cognito writes for a user who signed in with Google. */
  static final String GOOGLE_IDENTITIES =
      "[{\"userId\":\"104512345678901234567\",\"providerName\":\"Google\",\"providerType\":\"Google\","
          + "\"issuer\":null,\"primary\":true,\"dateCreated\":1642699117273}]";

  private PoolFixture() {}

  /**
   * Creates users with AdminCreateUser on 16 threads (cognito-local answers one at a time, so
   * more threads only hide HTTP latency). Every 10th user has a Google identity.
   *
   * @return the users' subs, in creation order
   */
  static List<String> createUsers(EmulatorEnvironment env, String prefix, int count) throws Exception {
    CognitoIdentityProviderClient cognito = env.cognito();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        created.add(threads.submit(() -> {
          List<AttributeType> attributes = new ArrayList<>();
          attributes.add(attribute("email", prefix + n + "@example.com"));
          attributes.add(attribute("given_name", "Given" + n));
          attributes.add(attribute("family_name", "Family" + n));
          if (n % 10 == 0) {
            attributes.add(attribute("identities", GOOGLE_IDENTITIES));
          }
          return cognito.adminCreateUser(b -> b.userPoolId(env.userPoolId())
                  .username(prefix + n + "@example.com")
                  .messageAction(MessageActionType.SUPPRESS)
                  .userAttributes(attributes))
              .user().attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }));
      }
      List<String> subs = new ArrayList<>(count);
      for (Future<String> sub : created) {
        subs.add(sub.get());
      }
      return subs;
    } finally {
      threads.shutdownNow();
    }
  }

  static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  /** Every userId in the table, profiles only (reserved {@code #} keys left out), with repeats kept. */
  static List<String> profileIds(DynamoDbClient dynamoDb, String table) {
    List<String> ids = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamoDb.scan(b -> b.tableName(table).exclusiveStartKey(from));
      page.items().stream()
          .map(item -> item.get("userId").s())
          .filter(id -> !id.startsWith(BackfillCheckpointStore.RESERVED_PREFIX))
          .forEach(ids::add);
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return ids;
  }

  static Set<String> distinct(List<String> ids) {
    return new LinkedHashSet<>(ids);
  }

  static Map<String, AttributeValue> item(DynamoDbClient dynamoDb, String table, String userId) {
    return new HashMap<>(dynamoDb.getItem(b -> b.tableName(table).key(Map.of("userId", AttributeValue.fromS(userId)))).item());
  }
}
