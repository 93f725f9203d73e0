package dev.profilekit.internal;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps the claims of a verified Cognito token to a {@link VerifiedUser}: the one claim-to-user
 * mapping of the AWS verifier and the in-memory service.
 *
 * <p>{@code sub} and the username ({@code cognito:username} in ID tokens, {@code username} in
 * access tokens) are required; {@code email_verified} is a boolean or {@code "true"}/{@code
 * "false"}; {@code cognito:groups} an array of strings; {@code identities} is read by {@link
 * CognitoIdentities#fromClaim(Object)}, and an access token (which has none) takes the provider
 * from a federated username ({@code Google_...}). A claim of the wrong type makes the token
 * MALFORMED.
 */
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
   * @throws dev.profilekit.TokenRejectedException MALFORMED if a claim is missing or of the wrong
   *     type
   */
  public static VerifiedUser map(
      ClaimReader claims,
      TokenUse use,
      String clientId,
      String issuer,
      Instant issuedAt,
      Instant expiresAt) {
    String username = claims.requiredString(use == TokenUse.ID ? "cognito:username" : "username");
    VerifiedUser.Builder user = VerifiedUser.builder();
    user.userId(claims.requiredString("sub"))
        .username(username)
        .email(claims.string("email"))
        .emailVerified(claims.lenientBoolean("email_verified"))
        .addAllGroups(claims.stringList("cognito:groups"))
        .tokenUse(use)
        .clientId(clientId)
        .issuer(issuer)
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .authTime(claims.instant("auth_time"))
        .originJti(claims.string("origin_jti"));
    for (String scope : claims.string("scope").orElse("").split(" ")) {
      if (!scope.isEmpty()) {
        user.addScope(scope);
      }
    }
    CognitoIdentities.Parsed identities = CognitoIdentities.fromClaim(claims.all().get("identities"));
    user.addAllLinkedIdentities(identities.identities());
    IdentityProvider primary = identities.primary().orElse(null);
    if (primary == null && use == TokenUse.ACCESS) {
      // Access tokens carry no identities claim; a federated user's username names the provider
      // (Google_..., SignInWithApple_...), so the two kinds of token agree on who signed in.
      LinkedIdentity fromUsername = LinkedIdentity.fromCognitoUsername(username).orElse(null);
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
}
