package dev.profilekit;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A new email and password user, with the attributes they entered at sign-up.
 *
 * <p>The password is a secret: {@link #toString()} masks it.
 */
@Value.Immutable
public abstract class SignUpRequest {

  SignUpRequest() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user's email, also their username.
   *
   * @return the email
   */
  public abstract String email();

  /**
   * The password.
   *
   * @return the password
   */
  @Value.Redacted
  public abstract String password();

  /**
   * The given name entered at sign-up.
   *
   * @return the given name
   */
  public abstract Optional<String> givenName();

  /**
   * The family name entered at sign-up.
   *
   * @return the family name
   */
  public abstract Optional<String> familyName();

  /**
   * The display name entered at sign-up (Cognito's {@code name}).
   *
   * @return the display name
   */
  public abstract Optional<String> displayName();

  /**
   * The locale (BCP 47 tag) chosen at sign-up.
   *
   * @return the locale
   */
  public abstract Optional<String> locale();

  /**
   * Extra Cognito attributes by their Cognito name (for example {@code custom:referrer}).
   *
   * @return the attributes, never null
   */
  public abstract Map<String, String> attributes();

  /** Builds a {@link SignUpRequest}; {@code email} and {@code password} are required. */
  public static final class Builder extends ImmutableSignUpRequest.Builder {
    Builder() {}
  }
}
