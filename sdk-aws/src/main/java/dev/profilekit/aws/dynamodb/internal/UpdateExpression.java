package dev.profilekit.aws.dynamodb.internal;

import java.util.Collections;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The parts of one {@code UpdateItem} call: update and condition expressions with their
 * placeholder maps.
 *
 * @param update the update expression ({@code SET ... REMOVE ...})
 * @param condition the condition expression
 * @param names the attribute name placeholders
 * @param values the attribute value placeholders
 */
public record UpdateExpression(
    String update, String condition, Map<String, String> names, Map<String, AttributeValue> values) {

  /**
   * Wraps the maps without copying them: the builder hands over maps it no longer touches, and
   * the request builder copies them anyway (one copy per profile write is enough).
   */
  public UpdateExpression {
    names = Collections.unmodifiableMap(names);
    values = Collections.unmodifiableMap(values);
  }

  /**
   * Puts the expressions into a request builder.
   *
   * @param request the request builder
   * @return the same builder
   */
  public UpdateItemRequest.Builder applyTo(UpdateItemRequest.Builder request) {
    request.updateExpression(update).conditionExpression(condition).expressionAttributeNames(names);
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    return request;
  }
}
