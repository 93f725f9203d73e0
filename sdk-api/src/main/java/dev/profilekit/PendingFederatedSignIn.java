package dev.profilekit;

import java.io.Serializable;
import java.net.URI;
import org.immutables.value.Value;

/**
 * A federated sign-in (Google, Apple, OIDC, SAML) that has been started and awaits its callback.
 *
 * <p>Send the browser to {@link #authorizationUri()} and keep this value (it is {@link
 * Serializable}, so it fits in a web session) until the provider redirects back; then pass both to
 * {@link UserProfileService#completeFederatedSignIn(PendingFederatedSignIn, FederatedCallback)}.
 * The PKCE verifier and nonce are secrets and are masked in {@link #toString()}.
 */
@Value.Immutable
public abstract class PendingFederatedSignIn implements Serializable {

  private static final long serialVersionUID = 1L;

  PendingFederatedSignIn() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where to send the user's browser: the user pool domain's {@code /oauth2/authorize} URL.
   *
   * @return the authorization URL
   */
  public abstract URI authorizationUri();

  /**
   * The redirect URI the callback will arrive at.
   *
   * @return the redirect URI
   */
  public abstract URI redirectUri();

  /**
   * The provider name sent as {@code identity_provider}.
   *
   * @return the provider name
   */
  public abstract String providerName();

  /**
   * The anti-forgery {@code state}; the callback must carry the same value.
   *
   * @return the state
   */
  public abstract String state();

  /**
   * The {@code nonce} the ID token must carry.
   *
   * @return the nonce
   */
  @Value.Redacted
  public abstract String nonce();

  /**
   * The PKCE code verifier, sent only to the token endpoint.
   *
   * @return the code verifier
   */
  @Value.Redacted
  public abstract String codeVerifier();

  /**
   * Describes this sign-in with the nonce masked in the authorization URL as well as in its own
   * field, and the code verifier left out.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "PendingFederatedSignIn{authorizationUri=" + maskedAuthorizationUri()
        + ", redirectUri=" + redirectUri() + ", providerName=" + providerName() + ", state=" + state()
        + ", nonce=****, codeVerifier=****}";
  }

  private String maskedAuthorizationUri() {
    URI uri = authorizationUri();
    String query = uri.getRawQuery();
    if (query == null) {
      return uri.toString();
    }
    StringBuilder masked = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      String name = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
      masked.append(masked.length() == 0 ? "" : "&").append(name.equals("nonce") ? "nonce=****" : pair);
    }
    String text = uri.toString();
    // Everything outside the query is kept; a secret can only have been put in the query.
    return text.substring(0, text.indexOf('?') + 1) + masked + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }

  /** Builds a {@link PendingFederatedSignIn}. */
  public static final class Builder extends ImmutablePendingFederatedSignIn.Builder {
    Builder() {}
  }
}
