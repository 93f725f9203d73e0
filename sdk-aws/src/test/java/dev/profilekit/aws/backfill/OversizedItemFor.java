package dev.profilekit.aws.backfill;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Makes one user's profile write too large for DynamoDB: the write that carries {@code email}
 * gets that value replaced by 410 KB of text, so dynalite refuses the item as DynamoDB would
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
    if (context.request() instanceof UpdateItemRequest update && update.hasExpressionAttributeValues()
        && update.expressionAttributeValues().containsValue(AttributeValue.fromS(email))) {
      Map<String, AttributeValue> values = new HashMap<>(update.expressionAttributeValues());
      values.replaceAll((name, value) -> value.equals(AttributeValue.fromS(email)) ? AttributeValue.fromS("x".repeat(410_000)) : value);
      return update.toBuilder().expressionAttributeValues(values).build();
    }
    return context.request();
  }
}
