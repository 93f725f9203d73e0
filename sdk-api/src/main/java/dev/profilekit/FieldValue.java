package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A typed value of a custom profile field or a preference: text, number, boolean, list or map.
 *
 * <p>Values are immutable and compare by content. Numbers are normalised (trailing zeros
 * stripped) so that a value read back from storage equals the value written. Map keys are kept
 * sorted, so iteration order is stable. Nesting depth and sizes are bounded by {@link
 * ProfilePolicy}, not here, so that a too-deep value is reported with the field it belongs to.
 */
public sealed interface FieldValue
    permits FieldValue.Text, FieldValue.Number, FieldValue.Bool, FieldValue.ListValue, FieldValue.MapValue {

  /**
   * Creates a text value.
   *
   * @param text the text, not null
   * @return the value
   */
  static FieldValue of(String text) {
    return new Text(text);
  }

  /**
   * Creates a number value.
   *
   * @param number the number, not null
   * @return the value
   */
  static FieldValue of(BigDecimal number) {
    return new Number(number);
  }

  /**
   * Creates a number value from a {@code long}.
   *
   * @param number the number
   * @return the value
   */
  static FieldValue of(long number) {
    return new Number(BigDecimal.valueOf(number));
  }

  /**
   * Creates a number value from a {@code double}, by its shortest decimal form ({@code 0.1} is
   * stored as 0.1).
   *
   * @param number the number, finite
   * @return the value
   * @throws InvalidRequestException if the number is NaN or infinite (no store can hold them)
   */
  static FieldValue of(double number) {
    if (!Double.isFinite(number)) {
      throw new InvalidRequestException("value", RequestChecks.FINITE_NUMBER, "a number is finite: not NaN or infinite");
    }
    return new Number(BigDecimal.valueOf(number));
  }

  /**
   * Creates a boolean value.
   *
   * @param bool the boolean
   * @return the value
   */
  static FieldValue of(boolean bool) {
    return new Bool(bool);
  }

  /**
   * Creates a list value.
   *
   * @param elements the elements in order, none null
   * @return the value
   */
  static FieldValue list(List<? extends FieldValue> elements) {
    return new ListValue(new ArrayList<>(present(elements, "value")));
  }

  /**
   * Creates a list value.
   *
   * @param elements the elements in order, none null
   * @return the value
   */
  static FieldValue list(FieldValue... elements) {
    return new ListValue(Arrays.asList(present(elements, "value")));
  }

  /**
   * Creates a map value.
   *
   * @param entries the entries, no null keys or values
   * @return the value
   */
  static FieldValue map(Map<String, ? extends FieldValue> entries) {
    return new MapValue(new LinkedHashMap<>(present(entries, "value")));
  }

  /** The one null check of every factory and constructor, typed as the API promises. */
  private static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a field value, list element, map key or map value is not null");
    }
    return value;
  }

  /** A text value. @param value the text */
  record Text(String value) implements FieldValue {
    /** Checks the value is present. */
    public Text {
      present(value, "value");
    }
  }

  /** A number value, normalised so that storage round trips are exact. @param value the number */
  record Number(BigDecimal value) implements FieldValue {
    /** Checks the value is present and normalises it. */
    public Number {
      present(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
  }

  /** A boolean value. @param value the boolean */
  record Bool(boolean value) implements FieldValue {}

  /** An ordered list of values. @param values the elements */
  record ListValue(List<FieldValue> values) implements FieldValue {
    /** Copies the elements into an unmodifiable list. */
    public ListValue {
      List<FieldValue> copy = new ArrayList<>(present(values, "value").size());
      for (int i = 0; i < values.size(); i++) {
        copy.add(present(values.get(i), "value[" + i + "]"));
      }
      values = Collections.unmodifiableList(copy);
    }
  }

  /** A map of values with string keys, iterated in key order. @param values the entries */
  record MapValue(Map<String, FieldValue> values) implements FieldValue {
    /** Copies the entries into an unmodifiable, key-sorted map. */
    public MapValue {
      TreeMap<String, FieldValue> sorted = new TreeMap<>();
      present(values, "value").forEach((key, value) -> sorted.put(present(key, "value"), present(value, "value." + key)));
      values = Collections.unmodifiableMap(sorted);
    }
  }
}
