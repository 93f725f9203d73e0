package dev.profilekit;

import java.util.Map;
import org.immutables.value.Value;

/**
 * A step Cognito requires before it issues tokens, such as choosing a new password.
 *
 * <p>Answer it with the matching method of {@link UserProfileService}; the {@link #session()} is
 * an opaque secret that ties the answer to this sign-in and is masked in {@link #toString()}.
 */
@Value.Immutable
public abstract class AuthChallenge {

  /** The kinds of challenge. */
  public enum Type {
    /** An admin created the user with a temporary password; a new one must be chosen. */
    NEW_PASSWORD_REQUIRED,
    /** A code sent by SMS must be entered. */
    SMS_MFA,
    /** A code from an authenticator app must be entered. */
    SOFTWARE_TOKEN_MFA,
    /** The user must pick an MFA method. */
    SELECT_MFA_TYPE,
    /** The user must set up MFA. */
    MFA_SETUP,
    /** A custom authentication challenge. */
    CUSTOM_CHALLENGE,
    /** A challenge this version of ProfileKit does not know. */
    OTHER
  }

  AuthChallenge() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The kind of challenge.
   *
   * @return the type
   */
  public abstract Type type();

  /**
   * The username the challenge is for.
   *
   * @return the username
   */
  public abstract String username();

  /**
   * The opaque session that ties an answer to this sign-in.
   *
   * @return the session
   */
  @Value.Redacted
  public abstract String session();

  /**
   * Non-secret challenge parameters Cognito sent (for example required attributes).
   *
   * @return the parameters, never null
   */
  public abstract Map<String, String> parameters();

  /** Builds an {@link AuthChallenge}. */
  public static final class Builder extends ImmutableAuthChallenge.Builder {
    Builder() {}
  }
}
