package dev.profilekit.testing.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfilePage;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.ExpectedVersions;
import dev.profilekit.internal.UserIds;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** The admin view of the in-memory service: every profile, admin-only fields allowed. */
public final class InMemoryAdmin implements ProfileAdmin {

  private final ProfileStore store;
  private final ProfilePolicy policy;
  private final Function<String, UserProfile> fallbackOfUser;
  private final Consumer<String> signOutEverywhere;
  private final Consumer<String> deleteUser;

  /**
   * Creates the view.
   *
   * @param store the profile store
   * @param policy the policy
   * @param fallbackOfUser the fallback of a user id, or null when there is no such user
   * @param signOutEverywhere revokes a user's tokens; throws for unknown users
   * @param deleteUser deletes a user's account; does nothing more for users already deleted
   */
  public InMemoryAdmin(ProfileStore store, ProfilePolicy policy, Function<String, UserProfile> fallbackOfUser,
      Consumer<String> signOutEverywhere, Consumer<String> deleteUser) {
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
      throw new InvalidRequestException("update", "required", "a profile update");
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
