package dev.profilekit;

/**
 * A profile update or profile broke a {@link ProfilePolicy} rule. Nothing was changed.
 *
 * <p>{@link #field()} uses the profile's field names ({@code displayName}, {@code
 * customFields.score}, {@code preferences.theme}, {@code subscription.plan}, or {@code profile}
 * for the whole item).
 */
public class InvalidProfileException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field the profile field
   * @param rule the rule's name
   * @param explanation what the rule requires, without the rejected value
   */
  public InvalidProfileException(String field, String rule, String explanation) {
    super(field, rule, explanation);
  }
}
