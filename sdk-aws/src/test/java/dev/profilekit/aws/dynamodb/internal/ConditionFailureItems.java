package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.emulators.EmulatorEnvironment;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Gives a failed conditional write the item AWS returns with it: asked for {@code
 * ReturnValuesOnConditionCheckFailure=ALL_OLD}, AWS puts the stored item into the {@code
 * ConditionalCheckFailedException}; dynalite drops it. This interceptor reads the item with a
 * separate client (whose requests nobody counts) and adds it to the exception, so the code under
 * test sees what AWS would send in the same single round trip. Only for tests without concurrent
 * writers to the same item (the read comes just after the failure). Listed in {@code
 * docs/emulators.md}; {@code ConditionalDeleteIT} keeps dynalite's raw behaviour visible.
 */
public final class ConditionFailureItems implements ExecutionInterceptor {

  private final DynamoDbClient reader;

  /**
   * Creates the stand-in.
   *
   * @param reader a client of the same emulator, without this interceptor
   */
  public ConditionFailureItems(DynamoDbClient reader) {
    this.reader = reader;
  }

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    if (!(failure instanceof ConditionalCheckFailedException conflict) || (conflict.hasItem() && !conflict.item().isEmpty())) {
      return failure;
    }
    SdkRequest request = context.request();
    String table;
    Map<String, AttributeValue> key;
    ReturnValuesOnConditionCheckFailure asked;
    if (request instanceof UpdateItemRequest update) {
      table = update.tableName();
      key = update.key();
      asked = update.returnValuesOnConditionCheckFailure();
    } else if (request instanceof DeleteItemRequest delete) {
      table = delete.tableName();
      key = delete.key();
      asked = delete.returnValuesOnConditionCheckFailure();
    } else if (request instanceof PutItemRequest put) {
      table = put.tableName();
      key = Map.of(EmulatorEnvironment.PARTITION_KEY, put.item().get(EmulatorEnvironment.PARTITION_KEY));
      asked = put.returnValuesOnConditionCheckFailure();
    } else {
      return failure;
    }
    if (asked != ReturnValuesOnConditionCheckFailure.ALL_OLD) {
      return failure;
    }
    GetItemResponse stored = reader.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    // AWS sends no item when none is stored.
    return stored.hasItem() && !stored.item().isEmpty() ? conflict.toBuilder().item(stored.item()).build() : failure;
  }
}
