package dev.profilekit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Server-side access to every profile and user, for operators and back-office code: read any
 * profile, write admin-only fields such as the subscription, list profiles, revoke a user's
 * tokens, delete accounts, and manage users (create with a temporary password, disable, enable,
 * force a password reset, groups).
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
   * Creates an email user with a temporary password: their first sign-in answers {@link
   * SignInStep.NewPasswordRequired}, and {@link UserProfileService#respond} with the new password
   * signs them in. The email is created verified. See {@code docs/account-lifecycle.md}.
   *
   * <p>Costs: 1 Cognito {@code AdminCreateUser}.
   *
   * @param user the new user
   * @return the created account, status {@link AccountStatus#FORCE_CHANGE_PASSWORD}
   * @throws UserAlreadyExistsException if the email is taken
   * @throws PasswordPolicyException if the temporary password breaks the pool's policy
   * @throws InvalidRequestException if the email is malformed, or no invitation is sent and no
   *     temporary password given
   */
  UserAccount createUser(NewUser user);

  /**
   * Returns a user's account as the user pool holds it: status, enabled, groups, attributes.
   *
   * <p>Costs: 1 Cognito {@code AdminGetUser} and 1 {@code AdminListGroupsForUser} (plus 1 {@code
   * ListUsers} in pools whose usernames are not the {@code sub}).
   *
   * @param userId the user's id
   * @return the account
   * @throws UserNotFoundException if there is no such user
   */
  UserAccount getUser(String userId);

  /**
   * Exports a user's data as one JSON document, as {@link UserProfileService#exportAccount} does
   * for the user themselves, with what only an administrator reads besides: whether the account is
   * enabled, its status, when it was created and its groups (the document's {@code scope} is
   * {@code admin}; see {@code docs/account-lifecycle.md}). Nothing changes.
   *
   * <p>Costs: 1 Cognito {@code AdminGetUser} and 1 {@code AdminListGroupsForUser} (plus 1 {@code
   * ListUsers} in pools whose usernames are not the {@code sub}), and 1 DynamoDB {@code GetItem}.
   *
   * @param userId the user's id
   * @return the document
   * @throws UserNotFoundException if the user pool has no such user (also after {@link
   *     #deleteUser(String)}), whether or not a profile is stored for the id
   */
  AccountExport exportUser(String userId);

  /**
   * Disables a user: sign-in and refresh fail with {@link UserDisabledException}, and every token
   * issued until now is rejected ({@link TokenRejectedException.Reason#REVOKED}), as after {@link
   * #signOutEverywhere(String)}. The profile is kept. Idempotent.
   *
   * <p>Costs: 1 DynamoDB {@code UpdateItem} (the revocation, recorded first), 1 Cognito {@code
   * AdminDisableUser} and 1 {@code AdminUserGlobalSignOut}.
   *
   * @param userId the user's id
   * @throws UserNotFoundException if there is no such user
   */
  void disableUser(String userId);

  /**
   * Enables a disabled user again: they sign in with their password; tokens revoked by the
   * disabling stay revoked. Idempotent.
   *
   * <p>Costs: 1 Cognito {@code AdminEnableUser}.
   *
   * @param userId the user's id
   * @throws UserNotFoundException if there is no such user
   */
  void enableUser(String userId);

  /**
   * Forces a password reset: the current password stops working (sign-in fails with {@link
   * PasswordResetRequiredException}) and a reset code is sent to the user's verified email; {@link
   * UserProfileService#confirmForgotPassword} with that code sets the new password. Tokens already
   * issued stay valid, as in Cognito; call {@link #signOutEverywhere(String)} as well to end them.
   *
   * <p>Costs: 1 Cognito {@code AdminResetUserPassword}.
   *
   * @param userId the user's id
   * @throws UserNotFoundException if there is no such user
   */
  void resetPassword(String userId);

  /**
   * Sets which second factors a user signs in with ({@link MfaPreference}: the whole state,
   * methods not listed are turned off), as Cognito's {@code AdminSetUserMFAPreference}.
   *
   * <p>Costs: 1 Cognito {@code AdminSetUserMFAPreference}.
   *
   * @param userId the user's id
   * @param preference the methods and the preferred one
   * @throws UserNotFoundException if there is no such user
   */
  void setMfaPreference(String userId, MfaPreference preference);

  /**
   * Creates a group of the user pool, if it does not exist yet (a repeated call changes nothing).
   *
   * <p>Costs: 1 Cognito {@code CreateGroup}.
   *
   * @param groupName 1 to 128 characters: letters, marks, symbols, digits, punctuation, no spaces
   */
  void createGroup(String groupName);

  /**
   * Adds a user to a group; tokens issued from then on list it in {@code cognito:groups} ({@link
   * VerifiedUser#groups()}); earlier tokens do not change. Idempotent.
   *
   * <p>Costs: 1 Cognito {@code AdminAddUserToGroup}.
   *
   * @param userId the user's id
   * @param groupName the group
   * @throws UserNotFoundException if there is no such user
   * @throws GroupNotFoundException if there is no such group
   */
  void addUserToGroup(String userId, String groupName);

  /**
   * Removes a user from a group; tokens issued from then on no longer list it. Idempotent.
   *
   * <p>Costs: 1 Cognito {@code AdminRemoveUserFromGroup}.
   *
   * @param userId the user's id
   * @param groupName the group
   * @throws UserNotFoundException if there is no such user
   * @throws GroupNotFoundException if there is no such group
   */
  void removeUserFromGroup(String userId, String groupName);

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
