package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the claims of a verified Cognito token to a {@link VerifiedUser}. */
public final class UserMapper {

  /**
   * The ID-token claims that are user attributes: OpenID Connect's standard claims as Cognito
   * emits them ({@code sub} is {@link VerifiedUser#userId()}, so not repeated here).
   */
  private static final Set<String> STANDARD_ATTRIBUTES =
      Set.of(
          "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
          "profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
          "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at");

  private UserMapper() {}

  /**
   * Builds the user; the caller has already checked signature, times, token use and audience.
   *
   * @param claims the token's claims
   * @param use the token's use
   * @param clientId the {@code aud} or {@code client_id} already checked
   * @param issuer the {@code iss} already checked
   * @param issuedAt {@code iat}
   * @param expiresAt {@code exp}
   * @return the user
   */
  public static VerifiedUser map(
      ClaimReader claims,
      TokenUse use,
      String clientId,
      String issuer,
      Instant issuedAt,
      Instant expiresAt) {
    VerifiedUser.Builder user = VerifiedUser.builder();
    user.userId(claims.requiredString("sub"))
        .username(claims.requiredString(use == TokenUse.ID ? "cognito:username" : "username"))
        .email(claims.string("email"))
        .emailVerified(claims.lenientBoolean("email_verified"))
        .addAllGroups(claims.stringList("cognito:groups"))
        .tokenUse(use)
        .clientId(clientId)
        .issuer(issuer)
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .authTime(claims.instant("auth_time"));
    String scope = claims.string("scope").orElse("");
    for (String s : scope.split(" ")) {
      if (!s.isEmpty()) {
        user.addScope(s);
      }
    }
    List<Map<String, Object>> identities = identities(claims.all().get("identities"));
    IdentityProvider primary = null;
    for (Map<String, Object> identity : identities) {
      Object name = identity.get("providerName");
      Object userId = identity.get("userId");
      if (!(name instanceof String providerName) || !(userId instanceof String providerUserId) || providerName.isBlank() || providerName.length() > 128) {
        continue;
      }
      Object type = identity.get("providerType");
      IdentityProvider provider = IdentityProvider.fromCognitoName(providerName, type instanceof String t ? t : null);
      LinkedIdentity.Builder linked = LinkedIdentity.builder().provider(provider).providerUserId(providerUserId);
      Instant created = millis(identity.get("dateCreated"));
      if (created != null) {
        linked.linkedAt(created);
      }
      user.addLinkedIdentity(linked.build());
      if (primary == null || "true".equals(String.valueOf(identity.get("primary")))) {
        primary = provider;
      }
    }
    if (primary == null && use == TokenUse.ACCESS) {
      // Access tokens carry no identities claim; a federated user's username names the provider
      // (Google_..., SignInWithApple_...), so the two kinds of token agree on who signed in.
      LinkedIdentity fromUsername = LinkedIdentity.fromCognitoUsername(claims.requiredString("username")).orElse(null);
      if (fromUsername != null) {
        user.addLinkedIdentity(fromUsername);
        primary = fromUsername.provider();
      }
    }
    user.identityProvider(primary == null ? IdentityProvider.COGNITO : primary);
    if (use == TokenUse.ID) {
      for (Map.Entry<String, Object> claim : claims.all().entrySet()) {
        String name = claim.getKey();
        if (STANDARD_ATTRIBUTES.contains(name) || name.startsWith("custom:")) {
          Object value = claim.getValue();
          if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            user.putAttribute(name, value.toString());
          }
        }
      }
    }
    return user.build();
  }

  /** Cognito emits {@code identities} as a JSON array, and some versions as a string holding one. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> identities(Object claim) {
    if (claim == null) {
      return List.of();
    }
    List<Object> items;
    if (claim instanceof List<?> list) {
      items = (List<Object>) list;
    } else if (claim instanceof String text) {
      try {
        items = JSONArrayUtils.parse(text);
      } catch (ParseException e) {
        throw Rejections.reject(Reason.MALFORMED, "The token's identities claim is not a JSON array");
      }
    } else {
      throw Rejections.reject(Reason.MALFORMED, "The token's identities claim is not a JSON array");
    }
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> map)) {
        throw Rejections.reject(Reason.MALFORMED, "The token's identities claim holds a non-object");
      }
      out.add((Map<String, Object>) map);
    }
    return out;
  }

  /** Cognito's {@code dateCreated} is epoch milliseconds, as a string or a number. */
  private static Instant millis(Object value) {
    try {
      if (value instanceof Number n) {
        return Instant.ofEpochMilli(n.longValue());
      }
      if (value instanceof String s) {
        return Instant.ofEpochMilli(Long.parseLong(s));
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }
}
