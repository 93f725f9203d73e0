package dev.profilekit;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An external identity (Google, Apple, OIDC, SAML) linked to a user, from Cognito's {@code identities}. */
@Value.Immutable
public abstract class LinkedIdentity {

  LinkedIdentity() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The provider the identity belongs to.
   *
   * @return the provider
   */
  public abstract IdentityProvider provider();

  /**
   * The user's id at that provider (Google's {@code sub}, Apple's user id...).
   *
   * @return the provider user id
   */
  public abstract String providerUserId();

  /**
   * When the identity was linked, if known.
   *
   * @return the instant
   */
  public abstract Optional<Instant> linkedAt();

  /** Builds a {@link LinkedIdentity}; {@code provider} and {@code providerUserId} are required. */
  public static final class Builder extends ImmutableLinkedIdentity.Builder {
    Builder() {}
  }
}
