package dev.profilekit.aws.emulators;

import dev.profilekit.internal.ItemSize;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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
 * A {@code PutItem} dynalite applied is judged the same way by the item it sent (a put replaces
 * the whole item), and refused with AWS's {@code PutItem} text, "Item size has exceeded the
 * maximum allowed size"; its key is read from the table's key schema.
 * {@code docs/emulators.md} lists it. For sequential use (no other writer of the item meanwhile).
 */
public final class ItemSizeAsAws implements ExecutionInterceptor {

  private static final ExecutionAttribute<Map<String, AttributeValue>> BEFORE = new ExecutionAttribute<>("ItemSizeAsAws.before");
  private static final ExecutionAttribute<Boolean> REFUSED = new ExecutionAttribute<>("ItemSizeAsAws.refused");
  private static final ExecutionAttribute<String> ANSWER = new ExecutionAttribute<>("ItemSizeAsAws.answer");
  private static final String UPDATE_ANSWER =
      "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Item size to update has exceeded the maximum allowed size\"}";
  private static final String PUT_ANSWER =
      "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Item size has exceeded the maximum allowed size\"}";
  private final Map<String, List<String>> keyNames = new ConcurrentHashMap<>();

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
      attributes.putAttribute(BEFORE, read(update.tableName(), update.key()));
    } else if (context.request() instanceof PutItemRequest put && oversized(put)) {
      // A put's size is known before it is sent: only a put AWS would refuse needs the item it replaces.
      attributes.putAttribute(REFUSED, false);
      attributes.putAttribute(BEFORE, read(put.tableName(), keyOf(put)));
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!context.httpResponse().isSuccessful()) {
      return context.httpResponse();
    }
    String table;
    Map<String, AttributeValue> key;
    if (context.request() instanceof UpdateItemRequest update) {
      if (DynamoDbItemSize.of(read(update.tableName(), update.key())) <= ItemSize.MAX_ITEM_BYTES) {
        return context.httpResponse();
      }
      table = update.tableName();
      key = update.key();
      attributes.putAttribute(ANSWER, UPDATE_ANSWER);
    } else if (context.request() instanceof PutItemRequest put) {
      if (!oversized(put)) {
        return context.httpResponse();
      }
      table = put.tableName();
      key = keyOf(put);
      attributes.putAttribute(ANSWER, PUT_ANSWER);
    } else {
      return context.httpResponse();
    }
    Map<String, AttributeValue> before = attributes.getAttribute(BEFORE);
    if (before.isEmpty()) {
      raw.deleteItem(b -> b.tableName(table).key(key));
    } else {
      raw.putItem(b -> b.tableName(table).item(before));
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
    return Optional.of(new ByteArrayInputStream(attributes.getAttribute(ANSWER).getBytes(StandardCharsets.UTF_8)));
  }

  private Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
    GetItemResponse response = raw.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    return response.hasItem() ? response.item() : Map.of();
  }

  private static boolean oversized(PutItemRequest put) {
    return DynamoDbItemSize.of(put.item()) > ItemSize.MAX_ITEM_BYTES;
  }

  /** The key attributes of the item a put sends, by the table's key schema. */
  private Map<String, AttributeValue> keyOf(PutItemRequest put) {
    List<String> names = keyNames.computeIfAbsent(put.tableName(), table -> raw.describeTable(b -> b.tableName(table))
        .table().keySchema().stream().map(KeySchemaElement::attributeName).toList());
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    names.forEach(name -> key.put(name, put.item().get(name)));
    return key;
  }
}
