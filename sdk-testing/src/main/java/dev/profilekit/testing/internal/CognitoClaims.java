package dev.profilekit.testing.internal;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills ID and access token claims the way a Cognito user pool does, so that tokens from the
 * in-memory service look like the real ones to any verifier.
 */
public final class CognitoClaims {

  /** The scope Cognito puts in access tokens from {@code InitiateAuth}. */
  public static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

  private CognitoClaims() {}

  /**
   * Returns the claims of an ID token, without {@code iat} and {@code exp}.
   *
   * @param subject whom the token speaks for
   * @param issuer the user pool URL
   * @param clientId the app client id
   * @return the claims, mutable
   */
  public static Map<String, Object> idToken(TokenSubject subject, String issuer, String clientId) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject.userId());
    if (!subject.groups().isEmpty()) {
      claims.put("cognito:groups", new ArrayList<>(subject.groups()));
    }
    subject.attributes().forEach((name, value) -> {
      if (name.endsWith("_verified")) {
        claims.put(name, Boolean.parseBoolean(value));
      } else {
        claims.put(name, value);
      }
    });
    claims.put("iss", issuer);
    claims.put("cognito:username", subject.username());
    claims.put("origin_jti", Secrets.randomToken(16));
    claims.put("aud", clientId);
    claims.put("event_id", Secrets.randomToken(16));
    claims.put("token_use", "id");
    if (!subject.identities().isEmpty()) {
      claims.put("identities", identities(subject.identities()));
    }
    claims.put("jti", Secrets.randomToken(16));
    return claims;
  }

  /**
   * Returns the claims of an access token, without {@code iat} and {@code exp}.
   *
   * @param subject whom the token speaks for
   * @param issuer the user pool URL
   * @param clientId the app client id
   * @return the claims, mutable
   */
  public static Map<String, Object> accessToken(TokenSubject subject, String issuer, String clientId) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject.userId());
    if (!subject.groups().isEmpty()) {
      claims.put("cognito:groups", new ArrayList<>(subject.groups()));
    }
    claims.put("iss", issuer);
    claims.put("client_id", clientId);
    claims.put("origin_jti", Secrets.randomToken(16));
    claims.put("event_id", Secrets.randomToken(16));
    claims.put("token_use", "access");
    claims.put("scope", subject.identities().isEmpty() ? ADMIN_SCOPE : "openid email profile");
    claims.put("jti", Secrets.randomToken(16));
    claims.put("username", subject.username());
    return claims;
  }

  private static List<Map<String, Object>> identities(List<LinkedIdentity> identities) {
    List<Map<String, Object>> claim = new ArrayList<>();
    boolean first = true;
    for (LinkedIdentity identity : identities) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("userId", identity.providerUserId());
      entry.put("providerName", identity.provider().name());
      entry.put("providerType", providerType(identity.provider()));
      entry.put("issuer", null);
      entry.put("primary", Boolean.toString(first));
      identity.linkedAt().ifPresent(at -> entry.put("dateCreated", Long.toString(at.toEpochMilli())));
      claim.add(entry);
      first = false;
    }
    return claim;
  }

  private static String providerType(IdentityProvider provider) {
    switch (provider.kind()) {
      case GOOGLE:
        return "Google";
      case APPLE:
        return "SignInWithApple";
      case SAML:
        return "SAML";
      default:
        return "OIDC";
    }
  }
}
