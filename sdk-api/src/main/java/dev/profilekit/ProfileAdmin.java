package dev.profilekit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Server-side access to every profile, for operators and back-office code: read any profile,
 * write admin-only fields such as the subscription, list profiles, revoke a user's tokens.
 *
 * <p>Obtained from {@link UserProfileService#admin()}. Never expose it to end users.
 */
public interface ProfileAdmin {

  /**
   * Returns a user's profile: stored, or a fallback built from the user pool's attributes.
   *
   * <p>Costs: 1 DynamoDB {@code GetItem}; without a stored row also 1 Cognito {@code
   * ListUsers}.
   *
   * @param userId the user's id (Cognito {@code sub})
   * @return the profile
   * @throws ProfileNotFoundException if there is neither a stored profile nor such a user
   */
  UserProfile getProfile(String userId);

  /**
   * Returns a user's stored profile, without any fallback.
   *
   * <p>Costs: 1 DynamoDB {@code GetItem}.
   *
   * @param userId the user's id
   * @return the stored profile, or empty
   */
  Optional<UserProfile> findStoredProfile(String userId);

  /**
   * Applies a patch that may include admin-only fields. Creates the row from the fallback if the
   * user has none yet.
   *
   * <p>Costs: 1 DynamoDB {@code UpdateItem}; on a first write also the Cognito lookup of {@link
   * #getProfile(String)}.
   *
   * @param userId the user's id
   * @param update the patch
   * @return the profile as stored after the update
   * @throws VersionConflictException if an expected version was given and is stale
   * @throws ProfileNotFoundException if there is no such user
   */
  UserProfile updateProfile(String userId, ProfileUpdate update);

  /**
   * Deletes a user's stored profile. Idempotent.
   *
   * <p>Costs: 1 DynamoDB {@code DeleteItem}.
   *
   * @param userId the user's id
   */
  void deleteProfile(String userId);

  /**
   * Deletes a user's stored profile if it is still at {@code expectedVersion}; otherwise nothing
   * changes and the conflict reports the stored version.
   *
   * <p>Costs: 1 DynamoDB {@code DeleteItem} (also on a conflict); 1 more {@code UpdateItem} when
   * the user has a sign-out record, which is kept.
   *
   * @param userId the user's id
   * @param expectedVersion the version last read, 1 or more
   * @throws VersionConflictException if the stored version is another one ({@code actualVersion}
   *     0 when no profile is stored)
   */
  void deleteProfile(String userId, long expectedVersion);

  /**
   * Deletes a user's account on their behalf: the Cognito user, then the stored profile and every
   * revocation record, replaced by a tombstone that rejects every token of the user. Idempotent: a
   * user already gone from the pool counts as deleted, so a rerun after a failure finishes the
   * job. See {@code docs/account-lifecycle.md}.
   *
   * <p>Costs: 1 Cognito {@code AdminDeleteUser} (plus 1 {@code ListUsers} in pools whose usernames
   * are not the {@code sub}) and 1 DynamoDB {@code PutItem}.
   *
   * @param userId the user's id
   */
  void deleteUser(String userId);

  /**
   * Returns one page of stored profiles, in no particular order.
   *
   * <p>Costs: 1 DynamoDB {@code Scan}.
   *
   * @param pageSize at most this many profiles, 1 to 1000
   * @param pageToken the previous page's {@link ProfilePage#nextPageToken()}, or null for the first page
   * @return the page
   */
  ProfilePage listProfiles(int pageSize, String pageToken);

  /**
   * Streams every stored profile, fetching pages lazily as the stream is consumed.
   *
   * <p>Costs: 1 DynamoDB {@code Scan} per page consumed.
   *
   * @return the profiles
   */
  Stream<UserProfile> streamProfiles();

  /**
   * Signs a user out everywhere on their behalf: invalidates their refresh tokens and makes
   * {@link UserProfileService#verify(String)} reject every token issued before now.
   *
   * <p>Costs: 1 Cognito {@code AdminUserGlobalSignOut} and 1 DynamoDB {@code UpdateItem}.
   *
   * @param userId the user's id
   */
  void signOutEverywhere(String userId);
}
