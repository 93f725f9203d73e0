package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * The format of a user id given to the admin view: a Cognito {@code sub} (a UUID in AWS user
 * pools), or any id of 1 to 128 characters from {@code A-Z a-z 0-9 _ . : @ + -}, so that ids from
 * other pools and tests fit while keys with spaces, slashes or control characters are refused
 * before any call.
 */
public final class UserIds {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:@+-]{1,128}");

  private UserIds() {}

  /**
   * Checks a user id.
   *
   * @param userId the id
   * @return the id
   * @throws InvalidRequestException ({@code userId}, {@code required} or {@code format}) otherwise
   */
  public static String check(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw new InvalidRequestException("userId", userId == null ? RequestChecks.REQUIRED : RequestChecks.FORMAT, "a Cognito sub");
    }
    return userId;
  }
}
