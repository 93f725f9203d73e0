package dev.profilekit;

/**
 * The root of every exception ProfileKit throws.
 *
 * <p>Unchecked, so callers handle only what they can act on. Messages are written for developers
 * and operators; they never contain tokens, passwords, codes or other secrets, nor a rejected
 * field's value.
 */
public class ProfileKitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, with no secret in it
   */
  public ProfileKitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong, with no secret in it
   * @param cause the underlying failure; its message must not carry secrets either
   */
  public ProfileKitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Tells whether retrying the same call later may succeed (throttling, an unavailable service).
   *
   * @return true when a retry may help
   */
  public boolean isRetryable() {
    return false;
  }
}
