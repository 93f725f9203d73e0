package dev.profilekit.aws.backfill;

import dev.profilekit.aws.dynamodb.internal.ProfileAttributes;
import java.util.BitSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * The profile table of a simulation: a {@code PutItem} on {@code attribute_not_exists(userId)}
 * (what the backfill sends) marks the user's index in a bit set, or fails its condition when the
 * bit is set; the items themselves are not kept, so that the heap measured is the backfill's, not
 * the table's (a million users cost 125 KB here). Only the backfill's one write.
 */
final class SimulatedProfileTable implements DynamoDbClient {

  private final BitSet stored = new BitSet();
  private long puts;

  @Override
  public synchronized PutItemResponse putItem(PutItemRequest request) {
    puts++;
    int index = SimulatedUserPool.indexOf(request.item().get(ProfileAttributes.USER_ID).s());
    if (request.conditionExpression() != null && stored.get(index)) {
      throw ConditionalCheckFailedException.builder().message("The conditional request failed").statusCode(400).build();
    }
    stored.set(index);
    return PutItemResponse.builder().build();
  }

  synchronized int storedUsers() {
    return stored.cardinality();
  }

  synchronized long puts() {
    return puts;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
