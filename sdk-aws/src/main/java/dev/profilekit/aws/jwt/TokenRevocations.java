package dev.profilekit.aws.jwt;

import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.ProfileTableRevocations;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tells the verifier which of a user's tokens are revoked, so they are rejected with {@link
 * dev.profilekit.TokenRejectedException.Reason#REVOKED}: those issued before the user last signed
 * out everywhere, and those of a session signed out on its own (by {@code origin_jti}).
 *
 * <p>An implementation is called once per {@link CognitoTokenVerifier#verify(String)} that passed
 * every other check, including calls answered from the verified-token cache, so that a sign-out
 * takes effect at once; it may answer from a cache of its own within a staleness bound it
 * documents, as {@link RevocationCache} does. It may throw a
 * {@link dev.profilekit.ProfileKitException} (for example {@link
 * dev.profilekit.ServiceUnavailableException}) when it cannot tell; the verifier then rejects
 * nothing and accepts nothing: the exception reaches the caller unchanged (fail closed).
 *
 * <p>Comparison is at whole-second precision because {@code iat} has whole seconds: a token is
 * revoked when its {@code iat} is at or before {@code tokensValidAfter} truncated to the second.
 * A token issued in the same second as the sign-out is therefore revoked too (nobody can tell
 * whether it came before or after), and a sign-in from the next second on is accepted. The
 * in-memory service applies the same rule.
 */
@FunctionalInterface
public interface TokenRevocations {

  /**
   * Returns the instant of the user's last "sign out everywhere", or empty when the user never
   * signed out everywhere. Tokens are valid only if issued in a later second.
   *
   * @param userId the user's id (the token's {@code sub})
   * @return the sign-out instant, if any
   */
  Optional<Instant> tokensValidAfter(String userId);

  /**
   * Returns everything that revokes the user's tokens; what the verifier calls. The default knows
   * only {@link #tokensValidAfter(String)}; implementations that record revoked sessions override
   * it, answering both at the cost of one lookup.
   *
   * @param userId the user's id (the token's {@code sub})
   * @return the user's revocations
   */
  default UserRevocations revocationsOf(String userId) {
    return new UserRevocations(tokensValidAfter(userId), java.util.Map.of());
  }

  /**
   * Returns the revocations recorded in ProfileKit's profile table: the "sign out everywhere"
   * instant and the signed-out sessions that {@code AwsUserProfileService} writes, read with one
   * {@code GetItem} per call. Wrap it in a {@link RevocationCache} to read less often.
   *
   * @param dynamoDb the DynamoDB client
   * @param tableName the profile table
   * @return the table's revocations
   * @throws dev.profilekit.InvalidRequestException when a setting is missing or invalid
   */
  static TokenRevocations profileTable(DynamoDbClient dynamoDb, String tableName) {
    return new ProfileTableRevocations(ProfileStore.builder().dynamoDb(dynamoDb).tableName(tableName).build());
  }
}
