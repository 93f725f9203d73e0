package dev.profilekit.aws.cognito.internal;

import dev.profilekit.LinkedIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as the user pool describes them ({@code AdminGetUser}, {@code ListUsers}): what the
 * fallback profile and the backfill are built from.
 *
 * @param username the Cognito username
 * @param userId the {@code sub}
 * @param attributes every attribute by Cognito name ({@code email}, {@code custom:plan}...)
 * @param linkedIdentities external identities, parsed from the {@code identities} attribute
 * @param createdAt when the user was created, if reported
 */
public record CognitoUser(
    String username,
    String userId,
    Map<String, String> attributes,
    List<LinkedIdentity> linkedIdentities,
    Optional<Instant> createdAt) {

  /** Checks the parts and copies the collections. */
  public CognitoUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(userId, "userId");
    attributes = Map.copyOf(attributes);
    linkedIdentities = List.copyOf(linkedIdentities);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
