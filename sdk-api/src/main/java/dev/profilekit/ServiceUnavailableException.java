package dev.profilekit;

/**
 * Cognito, DynamoDB or the key endpoint failed (5xx, time-out, connection refused) after
 * ProfileKit's retries with backoff. Nothing was partially written.
 */
public class ServiceUnavailableException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was unavailable
   * @param cause the underlying failure
   */
  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An outage is temporary: a later retry may succeed. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
