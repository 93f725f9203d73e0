package dev.profilekit;

import java.util.Locale;
import java.util.Objects;

/**
 * Who authenticated a user: Cognito itself (email and password), Google, Apple, or another OIDC or
 * SAML provider configured in the user pool, identified by the provider name Cognito knows it by.
 *
 * <p>Instances compare by kind and name. The well-known providers are constants.
 */
public final class IdentityProvider {

  /** The kind of identity provider. */
  public enum Kind {
    /** The user pool's own users: email (or username) and password. */
    COGNITO,
    /** Google, Cognito provider name {@code Google}. */
    GOOGLE,
    /** Sign in with Apple, Cognito provider name {@code SignInWithApple}. */
    APPLE,
    /** Any other OpenID Connect provider, by the name configured in the pool. */
    OIDC,
    /** A SAML provider, by the name configured in the pool. */
    SAML
  }

  /** Email and password users of the pool itself. */
  public static final IdentityProvider COGNITO = new IdentityProvider(Kind.COGNITO, "COGNITO");
  /** Google. */
  public static final IdentityProvider GOOGLE = new IdentityProvider(Kind.GOOGLE, "Google");
  /** Sign in with Apple. */
  public static final IdentityProvider APPLE = new IdentityProvider(Kind.APPLE, "SignInWithApple");

  private final Kind kind;
  private final String name;

  private IdentityProvider(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  /**
   * Returns an OpenID Connect provider configured in the user pool under {@code name}.
   *
   * @param name the provider name in the pool, not blank
   * @return the provider
   */
  public static IdentityProvider oidc(String name) {
    return new IdentityProvider(Kind.OIDC, requireName(name));
  }

  /**
   * Returns a SAML provider configured in the user pool under {@code name}.
   *
   * @param name the provider name in the pool, not blank
   * @return the provider
   */
  public static IdentityProvider saml(String name) {
    return new IdentityProvider(Kind.SAML, requireName(name));
  }

  /**
   * Maps a Cognito provider name, as found in the {@code identities} claim or a {@code
   * cognito:username} prefix, to a provider. Unknown names are taken to be OIDC providers unless
   * {@code providerType} says {@code SAML}.
   *
   * @param providerName the provider name, for example {@code Google}
   * @param providerType the provider type Cognito reports ({@code Google}, {@code SAML}, {@code OIDC}...), may be null
   * @return the provider
   */
  public static IdentityProvider fromCognitoName(String providerName, String providerType) {
    String name = requireName(providerName);
    if (name.equals(GOOGLE.name)) {
      return GOOGLE;
    }
    if (name.equals(APPLE.name)) {
      return APPLE;
    }
    if (name.equals(COGNITO.name)) {
      return COGNITO;
    }
    if (providerType != null && providerType.toUpperCase(Locale.ROOT).equals("SAML")) {
      return saml(name);
    }
    return oidc(name);
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 128) {
      throw new IllegalArgumentException("identity provider name must have 1 to 128 characters");
    }
    return name;
  }

  /**
   * Returns the kind of provider.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the provider name as Cognito knows it ({@code Google}, {@code SignInWithApple}, a
   * configured name, or {@code COGNITO} for the pool's own users).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdentityProvider that && kind == that.kind && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return kind == Kind.OIDC || kind == Kind.SAML ? kind + ":" + name : kind.name();
  }
}
