package dev.profilekit.testing.internal;

import dev.profilekit.AccountExport;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaPreference;
import dev.profilekit.NewUser;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfilePage;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserAccount;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.AccountExports;
import dev.profilekit.internal.ExpectedVersions;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.UserAdministration;
import dev.profilekit.internal.UserIds;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** The admin view of the in-memory service: every profile, admin-only fields allowed, user management. */
public final class InMemoryAdmin implements ProfileAdmin {

  private final ProfileStore store;
  private final ProfilePolicy policy;
  private final Function<String, UserProfile> fallbackOfUser;
  private final Consumer<String> signOutEverywhere;
  private final Consumer<String> deleteUser;
  private final UserDirectory directory;
  private final Consumer<String> revokeTokens;
  private final MfaDirectory mfa;

  /**
   * Creates the view.
   *
   * @param store the profile store
   * @param policy the policy
   * @param fallbackOfUser the fallback of a user id, or null when there is no such user
   * @param signOutEverywhere revokes a user's tokens; throws for unknown users
   * @param deleteUser deletes a user's account; does nothing more for users already deleted
   * @param directory the user pool
   * @param revokeTokens revokes every token and refresh token of a user issued until now
   * @param mfa the users' second factors
   */
  public InMemoryAdmin(ProfileStore store, ProfilePolicy policy, Function<String, UserProfile> fallbackOfUser,
      Consumer<String> signOutEverywhere, Consumer<String> deleteUser, UserDirectory directory, Consumer<String> revokeTokens,
      MfaDirectory mfa) {
    this.mfa = mfa;
    this.directory = directory;
    this.revokeTokens = revokeTokens;
    this.store = store;
    this.policy = policy;
    this.fallbackOfUser = fallbackOfUser;
    this.signOutEverywhere = signOutEverywhere;
    this.deleteUser = deleteUser;
  }

  @Override
  public UserProfile getProfile(String userId) {
    UserProfile stored = store.get(UserIds.check(userId));
    if (stored != null) {
      return stored;
    }
    UserProfile fallback = fallbackOfUser.apply(userId);
    if (fallback == null) {
      throw new ProfileNotFoundException(userId);
    }
    return fallback;
  }

  @Override
  public Optional<UserProfile> findStoredProfile(String userId) {
    return Optional.ofNullable(store.get(UserIds.check(userId)));
  }

  @Override
  public UserProfile updateProfile(String userId, ProfileUpdate update) {
    UserIds.check(userId);
    if (update == null) {
      throw new InvalidRequestException("update", RequestChecks.REQUIRED, "a profile update");
    }
    policy.validateAdminUpdate(update);
    return store.update(userId, update, () -> {
      UserProfile fallback = fallbackOfUser.apply(userId);
      if (fallback == null) {
        throw new ProfileNotFoundException(userId);
      }
      return fallback;
    });
  }

  @Override
  public void deleteProfile(String userId) {
    store.delete(UserIds.check(userId));
  }

  @Override
  public void deleteProfile(String userId, long expectedVersion) {
    store.delete(UserIds.check(userId), ExpectedVersions.forDelete(expectedVersion));
  }

  @Override
  public void deleteUser(String userId) {
    deleteUser.accept(UserIds.check(userId));
  }

  @Override
  public UserAccount createUser(NewUser user) {
    return directory.createByAdmin(user).account();
  }

  @Override
  public UserAccount getUser(String userId) {
    return existing(userId).account();
  }

  /** {@inheritDoc} The document is written by {@link AccountExports}, as the AWS implementation's is. */
  @Override
  public AccountExport exportUser(String userId) {
    UserAccount account = existing(userId).account();
    return AccountExports.ofAdmin(account, Optional.ofNullable(store.get(userId)), store.clock().instant());
  }

  /** {@inheritDoc} As the AWS implementation: the tokens are revoked first, then sign-in is refused. */
  @Override
  public void disableUser(String userId) {
    existing(userId);
    revokeTokens.accept(userId);
    directory.setEnabled(userId, false);
  }

  @Override
  public void enableUser(String userId) {
    existing(userId);
    directory.setEnabled(userId, true);
  }

  @Override
  public void resetPassword(String userId) {
    existing(userId);
    directory.forcePasswordReset(userId);
  }

  @Override
  public void setMfaPreference(String userId, MfaPreference preference) {
    // Both inputs are checked before the user is looked up, as the AWS implementation checks them before any call.
    UserIds.check(userId);
    RequestChecks.required(preference, "preference");
    mfa.setPreference(existing(userId), preference);
  }

  @Override
  public void createGroup(String groupName) {
    directory.createGroup(groupName);
  }

  @Override
  public void addUserToGroup(String userId, String groupName) {
    UserAdministration.membership(userId, groupName);
    directory.setMembership(userId, groupName, true);
  }

  @Override
  public void removeUserFromGroup(String userId, String groupName) {
    UserAdministration.membership(userId, groupName);
    directory.setMembership(userId, groupName, false);
  }

  private UserRecord existing(String userId) {
    UserRecord user = directory.byId(UserIds.check(userId));
    if (user == null) {
      throw new UserNotFoundException("No user with this id in the user pool");
    }
    return user;
  }

  @Override
  public ProfilePage listProfiles(int pageSize, String pageToken) {
    return store.page(pageSize, pageToken);
  }

  @Override
  public Stream<UserProfile> streamProfiles() {
    return store.stream();
  }

  @Override
  public void signOutEverywhere(String userId) {
    signOutEverywhere.accept(UserIds.check(userId));
  }

}
