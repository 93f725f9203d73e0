package dev.profilekit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The user a verified token speaks for, with the claims a service needs to authorise a request.
 *
 * <p>Obtained from {@link UserProfileService#verify(String)} or an {@link AuthSession}; holds no
 * token. ID tokens carry the user's attributes ({@link #attributes()}), which let {@link
 * UserProfileService#getProfile(VerifiedUser)} build a fallback profile without a remote call.
 */
@Value.Immutable
public abstract class VerifiedUser {

  VerifiedUser() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user's id, the token's {@code sub}.
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * The Cognito username ({@code cognito:username} or {@code username}); for federated users it
   * looks like {@code Google_1234}.
   *
   * @return the username
   */
  public abstract String username();

  /**
   * The email claim, present in ID tokens.
   *
   * @return the email
   */
  public abstract Optional<String> email();

  /**
   * The {@code email_verified} claim; false when absent.
   *
   * @return whether the email is verified
   */
  @Value.Default
  public boolean emailVerified() {
    return false;
  }

  /**
   * The user's groups ({@code cognito:groups}).
   *
   * @return the groups, never null
   */
  public abstract Set<String> groups();

  /**
   * The scopes of an access token ({@code scope}); empty for ID tokens.
   *
   * @return the scopes, never null
   */
  public abstract Set<String> scopes();

  /**
   * Who authenticated the user: {@link IdentityProvider#COGNITO} for email and password users.
   *
   * @return the identity provider
   */
  @Value.Default
  public IdentityProvider identityProvider() {
    return IdentityProvider.COGNITO;
  }

  /**
   * The external identities from the {@code identities} claim.
   *
   * @return the linked identities, never null
   */
  public abstract List<LinkedIdentity> linkedIdentities();

  /**
   * Whether this came from an ID or an access token.
   *
   * @return the token use
   */
  public abstract TokenUse tokenUse();

  /**
   * The app client the token was issued to ({@code aud} or {@code client_id}).
   *
   * @return the client id
   */
  public abstract String clientId();

  /**
   * The token's issuer: the user pool's URL.
   *
   * @return the issuer
   */
  public abstract String issuer();

  /**
   * When the token was issued ({@code iat}).
   *
   * @return the issue instant
   */
  public abstract Instant issuedAt();

  /**
   * When the token expires ({@code exp}); it is invalid from this instant on.
   *
   * @return the expiry instant
   */
  public abstract Instant expiresAt();

  /**
   * The token-revocation identifier Cognito puts in ID and access tokens ({@code origin_jti}): the
   * same for every token minted from one refresh token, so it names one signed-in session. {@link
   * UserProfileService#signOut(AuthSession)} revokes the session by it. Empty for tokens without
   * the claim (app clients with token revocation turned off).
   *
   * @return the session's revocation id, if the token has one
   */
  public abstract Optional<String> originJti();

  /**
   * When the user authenticated ({@code auth_time}), if present.
   *
   * @return the authentication instant
   */
  public abstract Optional<Instant> authTime();

  /**
   * The user's attributes as Cognito names them ({@code given_name}, {@code picture}, {@code
   * custom:plan}...), taken from an ID token's string claims; empty for access tokens.
   *
   * @return the attributes, never null
   */
  public abstract Map<String, String> attributes();

  /** Builds a {@link VerifiedUser}. */
  public static final class Builder extends ImmutableVerifiedUser.Builder {
    Builder() {}
  }
}
