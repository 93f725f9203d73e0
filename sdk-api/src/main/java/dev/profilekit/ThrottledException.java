package dev.profilekit;

/** Cognito or DynamoDB kept refusing for rate reasons after ProfileKit's retries with backoff. */
public class ThrottledException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was throttled
   * @param cause the underlying failure
   */
  public ThrottledException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Throttling is temporary: a later retry may succeed. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
