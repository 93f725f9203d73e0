package dev.profilekit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
   * Reads the external identity a federated user's Cognito username encodes: Cognito names such
   * users {@code <ProviderName>_<provider user id>}, for example {@code Google_110169484474386276334}
   * or {@code SignInWithApple_001234.abcd...}. This is the fallback for tokens without an {@code
   * identities} claim (access tokens). Google and Apple are always recognised, OIDC and SAML
   * providers only when passed in, since their names are the pool's choice; prefixes compare
   * without case, as case-insensitive pools lower-case usernames.
   *
   * @param username the {@code cognito:username} or {@code username} claim, may be null
   * @param configuredProviders the pool's OIDC and SAML providers, if any
   * @return the identity, or empty for a username that names no known provider
   */
  public static Optional<LinkedIdentity> fromCognitoUsername(String username, IdentityProvider... configuredProviders) {
    if (username == null) {
      return Optional.empty();
    }
    List<IdentityProvider> providers = new ArrayList<>(List.of(IdentityProvider.GOOGLE, IdentityProvider.APPLE));
    providers.addAll(List.of(configuredProviders));
    // The longest name first, so that "Acme_EU" wins over "Acme" for "Acme_EU_123".
    providers.sort(Comparator.comparingInt((IdentityProvider p) -> p.name().length()).reversed());
    for (IdentityProvider provider : providers) {
      String prefix = provider.name() + "_";
      if (provider.kind() != IdentityProvider.Kind.COGNITO
          && username.length() > prefix.length()
          && username.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return Optional.of(builder().provider(provider).providerUserId(username.substring(prefix.length())).build());
      }
    }
    return Optional.empty();
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
