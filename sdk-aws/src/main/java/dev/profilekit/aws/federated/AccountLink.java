package dev.profilekit.aws.federated;

import dev.profilekit.LinkedIdentity;
import org.immutables.value.Value;

/** The outcome of {@link AccountLinker}: which existing user an external identity now signs in as. */
@Value.Immutable
public abstract class AccountLink {

  AccountLink() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Cognito username of the existing user the identity was linked to.
   *
   * @return the username
   */
  public abstract String existingUsername();

  /**
   * The existing user's id (Cognito {@code sub}): the profile the identity's sign-ins now reach.
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * The identity that was linked, with the instant of linking.
   *
   * @return the linked identity
   */
  public abstract LinkedIdentity identity();

  /** Builds an {@link AccountLink}. */
  public static final class Builder extends ImmutableAccountLink.Builder {
    Builder() {}
  }
}
