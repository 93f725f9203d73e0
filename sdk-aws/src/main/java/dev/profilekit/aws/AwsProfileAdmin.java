package dev.profilekit.aws;

import dev.profilekit.AccountExport;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaPreference;
import dev.profilekit.NewUser;
import dev.profilekit.UserAccount;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfilePage;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.cognito.internal.CognitoAuth;
import dev.profilekit.aws.cognito.internal.CognitoUser;
import dev.profilekit.aws.cognito.internal.CognitoUserAdmin;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.StoredItem;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.AccountExports;
import dev.profilekit.internal.ExpectedVersions;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.UserAdministration;
import dev.profilekit.internal.UserIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The admin view of {@link AwsUserProfileService}: any user's profile, admin-only fields, listing,
 * account deletion, and user management through {@link CognitoUserAdmin}.
 */
final class AwsProfileAdmin implements ProfileAdmin {

  // Cognito subs are UUIDs; this also keeps ids safe inside a ListUsers filter.

  private final ProfileStore store;
  private final RevocationRecords revocations;
  private final ProfileFallback fallback;
  private final CognitoAuth auth;
  private final CognitoUserAdmin users;
  private final ProfilePolicy policy;
  private final Clock clock;

  AwsProfileAdmin(ProfileStore store, RevocationRecords revocations, ProfileFallback fallback, CognitoAuth auth, CognitoUserAdmin users, ProfilePolicy policy,
      Clock clock) {
    this.store = store;
    this.revocations = revocations;
    this.fallback = fallback;
    this.auth = auth;
    this.users = users;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public UserProfile getProfile(String userId) {
    StoredItem item = store.read(UserIds.check(userId));
    return item.profile().orElseGet(() -> fallback.of(userId));
  }

  @Override
  public Optional<UserProfile> findStoredProfile(String userId) {
    return store.read(UserIds.check(userId)).profile();
  }

  @Override
  public UserProfile updateProfile(String userId, ProfileUpdate update) {
    UserIds.check(userId);
    if (update == null) {
      throw new InvalidRequestException("update", RequestChecks.REQUIRED, "a profile update");
    }
    policy.validateAdminUpdate(update);
    return store.update(userId, update, () -> fallback.of(userId), clock.instant());
  }

  @Override
  public void deleteProfile(String userId) {
    store.delete(UserIds.check(userId));
  }

  @Override
  public void deleteProfile(String userId, long expectedVersion) {
    store.delete(UserIds.check(userId), ExpectedVersions.forDelete(expectedVersion));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code AdminDeleteUser} is tried with the user id as username (true in pools that sign in
   * by email); when the pool has no such username, {@code ListUsers} finds the user by {@code sub}
   * (federated users' usernames are {@code Google_...}), and finding nobody means the user is
   * already gone. The steps run in {@link AccountDeletion}'s order.
   */
  @Override
  public void deleteUser(String userId) {
    UserIds.check(userId);
    AccountDeletion.run(new AccountDeletion.Steps() {
      @Override
      public void deleteIdentity() {
        if (!auth.adminDeleteUser(userId)) {
          auth.findUserBySub(userId).ifPresent(user -> auth.adminDeleteUser(user.username()));
        }
      }

      @Override
      public void eraseProfile(Instant deletedAt, Instant tombstoneExpiresAt) {
        revocations.eraseAccount(userId, deletedAt, tombstoneExpiresAt);
      }
    }, clock.instant());
  }

  @Override
  public UserAccount createUser(NewUser user) {
    return users.createUser(user);
  }

  @Override
  public UserAccount getUser(String userId) {
    return asUser(userId, users::getUser);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The account is read as {@link #getUser(String)} reads it, then the item; the document is
   * written by {@link AccountExports}, as the in-memory service's is.
   */
  @Override
  public AccountExport exportUser(String userId) {
    UserAccount account = getUser(userId);
    return AccountExports.ofAdmin(account, store.read(userId).profile(), clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The revocation is recorded first, so that the user's tokens are rejected even if a Cognito
   * call then fails (a rerun finishes the job); Cognito then refuses the user's sign-ins, and the
   * global sign-out ends their refresh tokens, which {@code AdminDisableUser} leaves alone.
   */
  @Override
  public void disableUser(String userId) {
    String username = usernameOf(userId);
    revocations.signOutEverywhere(userId, clock.instant());
    users.disableUser(username);
    auth.adminGlobalSignOut(username);
  }

  @Override
  public void enableUser(String userId) {
    forUser(userId, users::enableUser);
  }

  @Override
  public void resetPassword(String userId) {
    forUser(userId, users::resetPassword);
  }

  @Override
  public void setMfaPreference(String userId, MfaPreference preference) {
    // Both inputs are checked before any call, in the in-memory service's order.
    UserIds.check(userId);
    RequestChecks.required(preference, "preference");
    forUser(userId, username -> users.mfaPreferences().setForUser(username, preference));
  }

  @Override
  public void createGroup(String groupName) {
    users.createGroup(groupName);
  }

  @Override
  public void addUserToGroup(String userId, String groupName) {
    UserAdministration.membership(userId, groupName);
    forUser(userId, username -> users.addUserToGroup(username, groupName));
  }

  @Override
  public void removeUserFromGroup(String userId, String groupName) {
    UserAdministration.membership(userId, groupName);
    forUser(userId, username -> users.removeUserFromGroup(username, groupName));
  }

  /**
   * Runs a username-taking call for a user id: with the id itself first (the username in pools
   * that sign in by email), and when the pool has no such username, with the username {@code
   * ListUsers} finds for the {@code sub} (federated users are {@code Google_...}).
   */
  private <T> T asUser(String userId, Function<String, T> call) {
    UserIds.check(userId);
    try {
      return call.apply(userId);
    } catch (UserNotFoundException notTheUsername) {
      CognitoUser user = auth.findUserBySub(userId)
          .orElseThrow(() -> new UserNotFoundException("No user with this id in the user pool"));
      return call.apply(user.username());
    }
  }

  /** {@link #asUser} for a call that answers nothing. */
  private void forUser(String userId, Consumer<String> call) {
    asUser(userId, username -> {
      call.accept(username);
      return null;
    });
  }

  /** The username of a user id, found as {@link #asUser} finds it (1 {@code AdminGetUser}, maybe 1 {@code ListUsers}). */
  private String usernameOf(String userId) {
    UserIds.check(userId);
    Optional<CognitoUser> byUsername = auth.adminGetUser(userId);
    if (byUsername.isPresent()) {
      return byUsername.get().username();
    }
    return auth.findUserBySub(userId)
        .orElseThrow(() -> new UserNotFoundException("No user with this id in the user pool"))
        .username();
  }

  @Override
  public ProfilePage listProfiles(int pageSize, String pageToken) {
    return store.page(pageSize, pageToken);
  }

  @Override
  public Stream<UserProfile> streamProfiles() {
    return store.stream();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The revocation is recorded first, so it holds even if Cognito fails. {@code
   * AdminUserGlobalSignOut} is tried with the user id as username (true in pools that sign in by
   * email, where the username is the {@code sub}); otherwise the username is found with {@code
   * ListUsers} first.
   */
  @Override
  public void signOutEverywhere(String userId) {
    UserIds.check(userId);
    revocations.signOutEverywhere(userId, clock.instant());
    forUser(userId, auth::adminGlobalSignOut);
  }


}
