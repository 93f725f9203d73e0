package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.NewUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input rules of the admin view's user management, applied by both implementations before
 * anything is sent: group names as Cognito accepts them, and a new user someone can sign in as.
 */
public final class UserAdministration {

  /** Cognito's {@code GroupName}: 1 to 128 letters, marks, symbols, digits or punctuation. */
  private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");

  private UserAdministration() {}

  /**
   * Checks a group name.
   *
   * @param groupName the name
   * @return the name
   * @throws InvalidRequestException ({@code groupName}, {@code required} or {@code format}) otherwise
   */
  public static String groupName(String groupName) {
    if (groupName == null || groupName.isEmpty()) {
      throw new InvalidRequestException("groupName", RequestChecks.REQUIRED, "a group name");
    }
    if (!GROUP_NAME.matcher(groupName).matches()) {
      throw new InvalidRequestException("groupName", RequestChecks.FORMAT,
          "1 to 128 letters, digits, symbols or punctuation, without spaces (Cognito's group names)");
    }
    return groupName;
  }

  /**
   * Checks the input of a group membership change ({@code addUserToGroup}, {@code
   * removeUserFromGroup}) in the one order both implementations use: the user id first, then the
   * group name, so that a call with both wrong reports {@code userId} on either implementation.
   *
   * @param userId the user's id
   * @param groupName the group's name
   * @throws InvalidRequestException for the first of the two that is missing or malformed
   */
  public static void membership(String userId, String groupName) {
    UserIds.check(userId);
    groupName(groupName);
  }

  /**
   * Checks that a new user can ever sign in: without an invitation, only the caller's temporary
   * password would let them, so one is required.
   *
   * @param user the new user
   * @return the user
   * @throws InvalidRequestException ({@code user} or {@code temporaryPassword}, {@code required})
   */
  public static NewUser newUser(NewUser user) {
    RequestChecks.required(user, "user");
    if (!user.sendInvitation() && user.temporaryPassword().isEmpty()) {
      throw new InvalidRequestException("temporaryPassword", RequestChecks.REQUIRED,
          "a temporary password when no invitation is sent (nobody else would learn it)");
    }
    return user;
  }

  /**
   * Returns the Cognito attributes of a user an administrator creates, in the order AWS is sent
   * them: the email, verified at once (the user signs in by it and receives reset codes there from
   * the start), and the names that were given.
   *
   * @param user the new user, checked by {@link #newUser(NewUser)}
   * @param email the user's email as the implementation checked and normalised it
   * @return attribute name to value
   */
  public static Map<String, String> attributesOf(NewUser user, String email) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", email);
    attributes.put("email_verified", "true");
    user.givenName().ifPresent(v -> attributes.put("given_name", v));
    user.familyName().ifPresent(v -> attributes.put("family_name", v));
    user.displayName().ifPresent(v -> attributes.put("name", v));
    return attributes;
  }
}
