package dev.profilekit;

import java.util.Optional;
import org.immutables.value.Value;

/** The outcome of {@link UserProfileService#signUp(SignUpRequest)}. */
@Value.Immutable
public abstract class SignUpResult {

  SignUpResult() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The new user's id (Cognito {@code sub}).
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * Whether the user is already confirmed (for example by a pre-sign-up trigger).
   *
   * @return true when no confirmation code is needed
   */
  public abstract boolean confirmed();

  /**
   * Where the confirmation code was sent, masked (for example {@code j***@e***.com}).
   *
   * @return the masked destination
   */
  public abstract Optional<String> codeDeliveryDestination();

  /** Builds a {@link SignUpResult}. */
  public static final class Builder extends ImmutableSignUpResult.Builder {
    Builder() {}
  }
}
