package dev.profilekit.testing.internal;

import dev.profilekit.LinkedIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whom a token speaks for: what the in-memory service and the token minter put into the claims.
 *
 * @param userId the {@code sub}
 * @param username the {@code cognito:username}
 * @param attributes user attributes by Cognito name ({@code email}, {@code email_verified},
 *     {@code given_name}, {@code custom:x}...)
 * @param groups the {@code cognito:groups}
 * @param identities the external identities, for the {@code identities} claim
 * @param authTime when the user authenticated, or null for "when the token is issued"
 */
public record TokenSubject(
    String userId,
    String username,
    Map<String, String> attributes,
    List<String> groups,
    List<LinkedIdentity> identities,
    Instant authTime) {

  /** Copies the collections, so the subject is immutable. */
  public TokenSubject {
    attributes = Map.copyOf(attributes);
    groups = List.copyOf(groups);
    identities = List.copyOf(identities);
  }
}
