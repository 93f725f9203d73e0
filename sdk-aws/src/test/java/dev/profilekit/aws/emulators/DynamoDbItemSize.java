package dev.profilekit.aws.emulators;

import dev.profilekit.internal.ItemSize;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AWS's item-size rule applied to any DynamoDB item, as the developer guide states it ("Item sizes
 * and formats"): each attribute's UTF-8 name plus its value; for the values, the primitives of
 * {@link ItemSize} (text, numbers), 1 for a boolean or null, raw bytes for binary, 3 plus 1 per
 * element for a list or map. What {@link ItemSizeAsAws} judges an item by, and what {@code
 * ItemSizeFuzzTest} holds {@link ItemSize#of(dev.profilekit.UserProfile)} to.
 */
public final class DynamoDbItemSize {

  private DynamoDbItemSize() {}

  /**
   * Returns an item's size in bytes.
   *
   * @param item the item
   * @return its size
   */
  public static int of(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += ItemSize.utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  private static int value(AttributeValue value) {
    switch (value.type()) {
      case S:
        return ItemSize.utf8(value.s());
      case N:
        return ItemSize.number(new BigDecimal(value.n()));
      case B:
        return value.b().asByteArray().length;
      case BOOL:
      case NUL:
        return 1;
      case SS:
        return value.ss().stream().mapToInt(ItemSize::utf8).sum();
      case NS:
        return value.ns().stream().mapToInt(n -> ItemSize.number(new BigDecimal(n))).sum();
      case BS:
        return value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
      case L:
        return 3 + value.l().stream().mapToInt(element -> 1 + value(element)).sum();
      case M:
        return 3 + value.m().entrySet().stream().mapToInt(e -> 1 + ItemSize.utf8(e.getKey()) + value(e.getValue())).sum();
      default:
        throw new IllegalArgumentException("an attribute value of unknown type " + value.type());
    }
  }
}
