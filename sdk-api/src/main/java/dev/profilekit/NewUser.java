package dev.profilekit;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user an administrator creates ({@link ProfileAdmin#createUser(NewUser)}): an email user whose
 * first sign-in must replace a temporary password ({@link SignInStep.NewPasswordRequired}).
 *
 * <p>The temporary password is a secret: {@link #toString()} masks it.
 */
@Value.Immutable
public abstract class NewUser {

  NewUser() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user's email, also their username; created as verified, so that it signs in and receives
   * password reset codes at once.
   *
   * @return the email
   */
  public abstract String email();

  /**
   * The temporary password; when absent the user pool generates one and sends it with the
   * invitation.
   *
   * @return the temporary password
   */
  @Value.Redacted
  public abstract Optional<String> temporaryPassword();

  /**
   * Whether the user pool sends the invitation message with the temporary password (default
   * true, as Cognito's {@code AdminCreateUser} does). Without it a temporary password is required,
   * since nobody else would ever learn it.
   *
   * @return true to send the invitation
   */
  @Value.Default
  public boolean sendInvitation() {
    return true;
  }

  /**
   * The given name.
   *
   * @return the given name
   */
  public abstract Optional<String> givenName();

  /**
   * The family name.
   *
   * @return the family name
   */
  public abstract Optional<String> familyName();

  /**
   * The display name (Cognito's {@code name}).
   *
   * @return the display name
   */
  public abstract Optional<String> displayName();

  /** Builds a {@link NewUser}; {@code email} is required. */
  public static final class Builder extends ImmutableNewUser.Builder {
    Builder() {}
  }
}
