package dev.profilekit.aws.federated.internal;

import java.util.Optional;

/**
 * The token endpoint did not issue tokens. Checked, so that each grant maps it to the public
 * exception that suits it (a failed code exchange and a failed refresh call for different
 * handling). The message never holds a code, verifier, token or secret.
 */
public final class TokenEndpointException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this was. */
  public enum Kind {
    /** Connection refused, time-out, HTTP 5xx or 429: the endpoint could not answer. */
    UNAVAILABLE,
    /** HTTP 4xx with an OAuth {@code error} ({@code invalid_grant}, {@code invalid_client}...). */
    REJECTED,
    /** A response that is not a well-formed token response. */
    INVALID_RESPONSE
  }

  private final Kind kind;
  private final String error;
  private final int status;

  TokenEndpointException(Kind kind, String error, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.error = error;
    this.status = status;
  }

  /**
   * The kind of failure.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The OAuth error code ({@code invalid_grant}...) for {@link Kind#REJECTED}, else a ProfileKit
   * code ({@code token_endpoint_unavailable}, {@code invalid_token_response}).
   *
   * @return the error code, restricted to {@code [A-Za-z0-9_.-]}
   */
  public String error() {
    return error;
  }

  /**
   * The HTTP status, when a response arrived.
   *
   * @return the status
   */
  public Optional<Integer> status() {
    return status > 0 ? Optional.of(status) : Optional.empty();
  }
}
