package dev.profilekit.examples.downstream;

import dev.profilekit.TokenRejectedException;
import java.util.Optional;

/**
 * The consumer's own "401": the request had no usable bearer token. Carries ProfileKit's reason
 * when the token was rejected, and never the token.
 */
public final class NotAuthenticatedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient TokenRejectedException.Reason reason;

  NotAuthenticatedException(String message, TokenRejectedException.Reason reason) {
    super(message);
    this.reason = reason;
  }

  /**
   * Returns why ProfileKit rejected the token, or empty when there was no token at all.
   *
   * @return the reason
   */
  public Optional<TokenRejectedException.Reason> reason() {
    return Optional.ofNullable(reason);
  }
}
