package dev.profilekit;

import java.util.Objects;

/**
 * A federated sign-in could not be completed: the provider returned an error (the user declined,
 * say), the callback's {@code state} did not match, or the code exchange failed.
 */
public class FederatedSignInException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String error;

  /**
   * Creates the exception.
   *
   * @param error an OAuth error code ({@code access_denied}, {@code invalid_grant}...) or one of
   *     ProfileKit's ({@code state_mismatch}, {@code missing_code}, {@code token_endpoint_unavailable})
   * @param message a description with no code, verifier or token in it
   */
  public FederatedSignInException(String error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param error the error code
   * @param message a description with no secret in it
   * @param cause the underlying failure
   */
  public FederatedSignInException(String error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  /**
   * Returns the machine-readable error code.
   *
   * @return the error code
   */
  public String error() {
    return error;
  }
}
