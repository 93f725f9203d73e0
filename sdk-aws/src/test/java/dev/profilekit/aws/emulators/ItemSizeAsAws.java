package dev.profilekit.aws.emulators;

import dev.profilekit.internal.ItemSize;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Stands in for DynamoDB's item-size limit where dynalite counts differently: dynalite measures
 * strings in UTF-16 units (its {@code valSize}: {@code val.length}), AWS in UTF-8 bytes, so an item
 * of accented or non-Latin text that AWS refuses is stored by dynalite (UTF-8 is never shorter, so
 * whatever dynalite refuses AWS refuses too). For every {@code UpdateItem} dynalite applied, this
 * reads the item back with a client of its own and, when AWS's count ({@link DynamoDbItemSize})
 * exceeds {@value ItemSize#MAX_ITEM_BYTES} bytes, puts back the item as it was before the request
 * (read before it was sent) and answers as AWS does: {@code 400 ValidationException "Item size to
 * update has exceeded the maximum allowed size"}; so, as on AWS, the refused write changes nothing.
 * {@code docs/emulators.md} lists it. For sequential use (no other writer of the item meanwhile).
 */
public final class ItemSizeAsAws implements ExecutionInterceptor {

  private static final ExecutionAttribute<Map<String, AttributeValue>> BEFORE = new ExecutionAttribute<>("ItemSizeAsAws.before");
  private static final ExecutionAttribute<Boolean> REFUSED = new ExecutionAttribute<>("ItemSizeAsAws.refused");
  private static final String AWS_ANSWER =
      "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Item size to update has exceeded the maximum allowed size\"}";

  private final DynamoDbClient raw;

  /**
   * Creates the stand-in.
   *
   * @param raw a client of the same dynalite without this interceptor, to read and restore items
   */
  public ItemSizeAsAws(DynamoDbClient raw) {
    this.raw = raw;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (context.request() instanceof UpdateItemRequest update) {
      attributes.putAttribute(REFUSED, false);
      attributes.putAttribute(BEFORE, read(update));
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof UpdateItemRequest update) || !context.httpResponse().isSuccessful()) {
      return context.httpResponse();
    }
    if (DynamoDbItemSize.of(read(update)) <= ItemSize.MAX_ITEM_BYTES) {
      return context.httpResponse();
    }
    Map<String, AttributeValue> before = attributes.getAttribute(BEFORE);
    if (before.isEmpty()) {
      raw.deleteItem(b -> b.tableName(update.tableName()).key(update.key()));
    } else {
      raw.putItem(b -> b.tableName(update.tableName()).item(before));
    }
    attributes.putAttribute(REFUSED, true);
    // dynalite's CRC32 header describes its own body, not the one substituted here.
    return context.httpResponse().toBuilder().statusCode(400).removeHeader("x-amz-crc32").build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!Boolean.TRUE.equals(attributes.getAttribute(REFUSED))) {
      return context.responseBody();
    }
    return Optional.of(new ByteArrayInputStream(AWS_ANSWER.getBytes(StandardCharsets.UTF_8)));
  }

  private Map<String, AttributeValue> read(UpdateItemRequest update) {
    GetItemResponse response = raw.getItem(b -> b.tableName(update.tableName()).key(update.key()).consistentRead(true));
    return response.hasItem() ? response.item() : Map.of();
  }
}
