package dev.profilekit;

/** No stored profile and no identity to build a fallback from exist for the user id. */
public class ProfileNotFoundException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String userId;

  /**
   * Creates the exception.
   *
   * @param userId the user id that was looked up
   */
  public ProfileNotFoundException(String userId) {
    super("No profile for user " + userId);
    this.userId = userId;
  }

  /**
   * Returns the user id that was looked up.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }
}
