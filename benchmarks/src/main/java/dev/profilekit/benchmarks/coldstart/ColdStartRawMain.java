package dev.profilekit.benchmarks.coldstart;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The program {@link ColdStart} launches for the raw SDK: from {@code main} to the same GetItem
 * (consistent read) with a bare {@code DynamoDbClient}. Prints {@code main-to-read-ns=<n>}; exits
 * 2 if the item is missing.
 */
public final class ColdStartRawMain {

  private ColdStartRawMain() {}

  /**
   * Reads one item.
   *
   * @param args DynamoDB endpoint, table, user id
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-bench", "bench-secret")))
        .build()) {
      GetItemResponse response = dynamoDb.getItem(b -> b.tableName(args[1])
          .key(Map.of("userId", AttributeValue.fromS(args[2]))).consistentRead(true));
      long elapsed = System.nanoTime() - start;
      if (!response.hasItem() || !response.item().containsKey("version")) {
        System.exit(2);
      }
      System.out.println("main-to-read-ns=" + elapsed);
    }
  }
}
