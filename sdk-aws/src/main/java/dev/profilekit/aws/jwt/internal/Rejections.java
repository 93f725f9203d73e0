package dev.profilekit.aws.jwt.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;

/** Builds rejections; the one place that decides their wording, which never includes the token. */
public final class Rejections {

  private Rejections() {}

  /**
   * Returns a rejection with a fixed, token-free message.
   *
   * @param reason the reason
   * @param message what is wrong, naming claims or headers but never their raw values
   * @return the exception to throw
   */
  public static TokenRejectedException reject(Reason reason, String message) {
    return new TokenRejectedException(reason, message);
  }

  /**
   * Returns a rejection with a cause whose message is not passed on, since library messages may
   * quote input (nimbus's parser messages can include fragments of the token).
   *
   * @param reason the reason
   * @param message what is wrong
   * @param cause the failure, reduced to its type so no input leaks through its message
   * @return the exception to throw
   */
  public static TokenRejectedException reject(Reason reason, String message, Throwable cause) {
    return new TokenRejectedException(reason, message + " (" + cause.getClass().getSimpleName() + ")");
  }
}
