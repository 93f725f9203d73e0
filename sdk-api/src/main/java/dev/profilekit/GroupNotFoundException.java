package dev.profilekit;

/**
 * An administrative operation named a group the user pool does not have (Cognito's {@code
 * ResourceNotFoundException} "Group not found"). Create it first with {@link
 * ProfileAdmin#createGroup(String)}.
 */
public class GroupNotFoundException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public GroupNotFoundException(String message) {
    super(message);
  }
}
