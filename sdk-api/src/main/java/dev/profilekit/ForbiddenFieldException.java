package dev.profilekit;

import java.util.Objects;

/**
 * A user-level update tried to write an admin-only field (the subscription, or a custom field
 * registered as admin-only). Nothing was changed; such fields are written through {@link
 * ProfileAdmin}.
 */
public class ForbiddenFieldException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the admin-only field, for example {@code subscription}
   */
  public ForbiddenFieldException(String field) {
    super("Field " + field + " is admin-only: write it through UserProfileService.admin()");
    this.field = Objects.requireNonNull(field, "field");
  }

  /**
   * Returns the admin-only field the update tried to write.
   *
   * @return the field
   */
  public String field() {
    return field;
  }
}
