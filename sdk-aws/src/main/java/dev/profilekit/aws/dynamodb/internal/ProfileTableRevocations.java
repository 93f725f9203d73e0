package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.aws.jwt.TokenRevocations;
import dev.profilekit.aws.jwt.UserRevocations;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation records kept in the profile table, for {@link
 * dev.profilekit.aws.jwt.CognitoTokenVerifier}: each check is 1 {@code GetItem} of the user's
 * {@value ProfileAttributes#TOKENS_VALID_AFTER} and {@value ProfileAttributes#REVOKED_SESSIONS}
 * attributes.
 *
 * <p>{@code AwsUserProfileService} wires this up itself; use it directly when you build your own
 * verifier over the same table:
 *
 * <pre>{@code
 * CognitoTokenVerifier verifier = CognitoTokenVerifier.builder()
 *     .userPool(issuer).clientIds(clientId)
 *     .revocations(new ProfileTableRevocations(store))
 *     .build();
 * }</pre>
 */
public final class ProfileTableRevocations implements TokenRevocations {

  private final ProfileStore store;

  /**
   * Reads revocations through a profile store.
   *
   * @param store the store of the profile table
   */
  public ProfileTableRevocations(ProfileStore store) {
    this.store = Objects.requireNonNull(store, "store is required");
  }

  /**
   * Returns the instant recorded by the user's last "sign out everywhere".
   *
   * @param userId the user's id
   * @return the instant before which tokens are revoked, if any
   */
  @Override
  public Optional<Instant> tokensValidAfter(String userId) {
    return store.tokensValidAfter(userId);
  }

  /**
   * Returns the user's sign-out everywhere instant and revoked sessions, read together.
   *
   * @param userId the user's id
   * @return the revocations
   */
  @Override
  public UserRevocations revocationsOf(String userId) {
    return store.revocations(userId);
  }
}
