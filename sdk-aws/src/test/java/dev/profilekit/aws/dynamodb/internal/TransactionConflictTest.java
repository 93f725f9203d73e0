package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.UserProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB refuses a write to an item that a transaction is changing with {@code
 * TransactionConflictException} (HTTP 400), and the AWS SDK does not retry that code. dynalite has
 * no transactions, so this loopback stand-in answers as DynamoDB does: a conflict for the first
 * {@code n} writes (which DynamoDB does not apply), then the stored item.
 */
class TransactionConflictTest {

  private static final String CONFLICT = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionConflictException\","
      + "\"message\":\"Transaction is ongoing for the item\"}";
  private static final String STORED = "{\"Attributes\":{\"userId\":{\"S\":\"u-1\"},\"version\":{\"N\":\"4\"},"
      + "\"displayName\":{\"S\":\"Ada\"},\"preferences\":{\"M\":{}},\"customFields\":{\"M\":{}}}}";

  private HttpServer server;
  private final AtomicInteger conflictsLeft = new AtomicInteger();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private DynamoDbClient dynamoDb;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      operations.add(target.substring(target.indexOf('.') + 1));
      exchange.getRequestBody().readAllBytes();
      boolean conflict = conflictsLeft.getAndDecrement() > 0;
      byte[] body = (conflict ? CONFLICT : STORED).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      exchange.sendResponseHeaders(conflict ? 400 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    dynamoDb = DynamoDbClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .build();
  }

  @AfterEach
  void stop() {
    dynamoDb.close();
    server.stop(0);
  }

  private ProfileStore store() {
    return ProfileStore.builder().dynamoDb(dynamoDb).tableName("profiles").build();
  }

  private static ProfileUpdate rename() {
    return ProfileUpdate.builder().set(ProfileField.DISPLAY_NAME, "Ada").expectedVersion(3L).build();
  }

  @Test
  void aWriteThatMeetsATransactionIsRetriedAndSucceeds() {
    conflictsLeft.set(2);

    UserProfile stored = store().update("u-1", rename(), () -> { throw new AssertionError("no fallback"); }, Instant.EPOCH);

    assertThat(stored.version()).isEqualTo(4);
    assertThat(operations).containsExactly("UpdateItem", "UpdateItem", "UpdateItem");
  }

  @Test
  void aTransactionThatKeepsTheItemBusyEndsInARetryableTypedError() {
    conflictsLeft.set(1_000);

    assertThatThrownBy(() -> store().update("u-1", rename(), () -> { throw new AssertionError("no fallback"); }, Instant.EPOCH))
        .isExactlyInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("TransactionConflictException")
        .hasMessageContaining("transaction")
        .hasMessageNotContaining("Transaction is ongoing")
        .satisfies(e -> assertThat(((ProfileKitException) e).isRetryable()).isTrue());
    assertThat(operations).hasSize(TransactionConflictRetry.ATTEMPTS).containsOnly("UpdateItem");
  }

  @Test
  void theSignOutRecordIsRetriedToo() {
    conflictsLeft.set(1);

    store().recordSignOut("u-1", Instant.EPOCH);

    assertThat(operations).containsExactly("UpdateItem", "UpdateItem");
  }
}
