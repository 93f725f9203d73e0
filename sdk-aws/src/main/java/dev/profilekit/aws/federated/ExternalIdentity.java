package dev.profilekit.aws.federated;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.VerifiedUser;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user's identity at Google, Apple or another external provider, with the email that provider
 * vouches for: what {@link AccountLinker} needs to link it to an existing user.
 */
@Value.Immutable
public abstract class ExternalIdentity {

  ExternalIdentity() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the external identity of a user who signed in through a provider, from their verified
   * ID token: the provider and its user id from the {@code identities} claim (or, without it, the
   * {@code cognito:username} prefix such as {@code Google_}), and the token's email.
   *
   * @param user a user verified from an ID token
   * @return the identity, empty for the pool's own (email and password) users
   */
  public static Optional<ExternalIdentity> of(VerifiedUser user) {
    Optional<LinkedIdentity> linked = user.linkedIdentities().stream()
        .filter(identity -> identity.provider().equals(user.identityProvider()))
        .findFirst()
        .or(() -> user.linkedIdentities().stream().findFirst())
        .or(() -> LinkedIdentity.fromCognitoUsername(user.username()));
    return linked.filter(identity -> identity.provider().kind() != IdentityProvider.Kind.COGNITO)
        .map(identity -> builder()
            .provider(identity.provider())
            .providerUserId(identity.providerUserId())
            .email(user.email())
            .emailVerified(user.emailVerified())
            .build());
  }

  /**
   * The provider: Google, Apple, or an OIDC or SAML provider configured in the pool.
   *
   * @return the provider
   */
  public abstract IdentityProvider provider();

  /**
   * The user's id at the provider (Google's {@code sub}, Apple's user id, a SAML {@code NameID}).
   *
   * @return the provider user id
   */
  public abstract String providerUserId();

  /**
   * The email the provider gave.
   *
   * @return the email, if any
   */
  public abstract Optional<String> email();

  /**
   * Whether the provider says it verified that email.
   *
   * @return true when verified
   */
  @Value.Default
  public boolean emailVerified() {
    return false;
  }

  /** Builds an {@link ExternalIdentity}; {@code provider} and {@code providerUserId} are required. */
  public static final class Builder extends ImmutableExternalIdentity.Builder {
    Builder() {}
  }
}
