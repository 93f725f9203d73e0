package dev.profilekit.internal;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidRequestException;

/**
 * The argument checks both implementations make before any call, with the field and rule names
 * their {@link InvalidRequestException}s carry, so that a caller sees the same field and rule
 * whichever implementation refused the request.
 */
public final class RequestChecks {

  /** Rule: the argument is missing. */
  public static final String REQUIRED = "required";
  /** Rule: the argument does not have the required format. */
  public static final String FORMAT = "format";

  /** Field: the session of a session call. */
  public static final String SESSION = "session";
  /** Field: the refresh token a session call needs. */
  public static final String REFRESH_TOKEN = "session.refreshToken";
  /** Field: the verified user of a profile call. */
  public static final String USER = "user";
  /** Field: the profile update. */
  public static final String UPDATE = "update";

  private RequestChecks() {}

  /**
   * Returns a required argument, or refuses a missing one.
   *
   * @param <T> the argument's type
   * @param value the argument
   * @param field its name, one of the field constants or a parameter name
   * @return the argument
   * @throws InvalidRequestException ({@code field}, {@value #REQUIRED}) when it is null
   */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field, REQUIRED, "a value is required");
    }
    return value;
  }

  /**
   * Returns the refresh token of a session, which {@code refresh} and {@code signOut} need. A
   * session without one (restored from ID and access tokens only) cannot be signed out, because
   * Cognito's {@code RevokeToken} revokes refresh tokens; both implementations refuse it instead
   * of doing nothing.
   *
   * @param session the session
   * @return the refresh token
   * @throws InvalidRequestException ({@value #SESSION} or {@value #REFRESH_TOKEN}, {@value
   *     #REQUIRED})
   */
  public static String refreshToken(AuthSession session) {
    return required(session, SESSION).refreshToken().orElseThrow(() -> new InvalidRequestException(
        REFRESH_TOKEN, REQUIRED, "a session from signIn, which holds a refresh token"));
  }
}
