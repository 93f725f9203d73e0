package dev.profilekit.aws.backfill;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Makes one user's profile write too large for DynamoDB: the write that carries {@code email} (the
 * backfill's {@code PutItem}, or an {@code UpdateItem}) gets that value replaced by 410 KB of text, so dynalite refuses the item as DynamoDB would
 * ({@code ValidationException: Item size to update has exceeded the maximum allowed size}). Cognito
 * attributes cannot make a profile that large, so this is how a per-user write failure is tested.
 */
final class OversizedItemFor implements ExecutionInterceptor {

  private final String email;

  OversizedItemFor(String email) {
    this.email = email;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
    AttributeValue oversized = AttributeValue.fromS("x".repeat(410_000));
    if (context.request() instanceof PutItemRequest put && put.item().containsValue(AttributeValue.fromS(email))) {
      Map<String, AttributeValue> item = new HashMap<>(put.item());
      item.replaceAll((name, value) -> value.equals(AttributeValue.fromS(email)) ? oversized : value);
      return put.toBuilder().item(item).build();
    }
    if (context.request() instanceof UpdateItemRequest update && update.hasExpressionAttributeValues()
        && update.expressionAttributeValues().containsValue(AttributeValue.fromS(email))) {
      Map<String, AttributeValue> values = new HashMap<>(update.expressionAttributeValues());
      values.replaceAll((name, value) -> value.equals(AttributeValue.fromS(email)) ? oversized : value);
      return update.toBuilder().expressionAttributeValues(values).build();
    }
    return context.request();
  }
}
