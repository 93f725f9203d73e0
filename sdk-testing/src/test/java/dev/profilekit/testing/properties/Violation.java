package dev.profilekit.testing.properties;

import dev.profilekit.ProfileUpdate;
import java.util.function.UnaryOperator;

/**
 * One way of breaking a {@code ProfilePolicy} rule, added to an otherwise valid update.
 *
 * @param field the field the rejection must name
 * @param offendingValue the rejected value, which the message must not contain (null when not distinctive)
 * @param breakIt adds the violation to a valid update's builder
 */
record Violation(String field, String offendingValue, UnaryOperator<ProfileUpdate.Builder> breakIt) {

  @Override
  public String toString() {
    return "Violation[" + field + "]";
  }
}
