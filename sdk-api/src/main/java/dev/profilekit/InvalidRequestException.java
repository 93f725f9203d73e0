package dev.profilekit;

import java.util.Objects;

/**
 * An input was rejected before any remote call: {@link #field()} names it and {@link #rule()}
 * names the rule it broke. The rejected value is never part of the message.
 */
public class InvalidRequestException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the input's name, for example {@code email} or {@code customFields.score}
   * @param rule the rule's name, for example {@code max-length}
   * @param explanation what the rule requires, without the rejected value
   */
  public InvalidRequestException(String field, String rule, String explanation) {
    super("Invalid " + field + ": " + rule + " (" + explanation + ")");
    this.field = Objects.requireNonNull(field, "field");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * Creates the exception for builders that lack required values: what an Immutables-generated
   * {@code build()} throws ({@code throwForInvalidImmutableState}), so that every builder of
   * ProfileKit fails one way. Rule {@code required}.
   *
   * @param missingAttributes the names of the values not set
   */
  public InvalidRequestException(String[] missingAttributes) {
    this(String.join(", ", missingAttributes), dev.profilekit.internal.RequestChecks.REQUIRED, "set " + String.join(", ", missingAttributes) + " before build()");
  }

  /**
   * Creates the exception for a generated builder whose values contradict each other (Immutables'
   * "initialization cycle" of derived values). Field {@code builder}, rule {@code consistent}.
   *
   * @param problem what the generated code found, naming attributes only
   */
  public InvalidRequestException(String problem) {
    this("builder", dev.profilekit.internal.RequestChecks.CONSISTENT, problem);
  }

  /**
   * Returns the name of the rejected input.
   *
   * @return the field
   */
  public String field() {
    return field;
  }

  /**
   * Returns the name of the rule the input broke.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
