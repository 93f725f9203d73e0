package dev.profilekit.testing.internal;

import dev.profilekit.ProfilePage;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import dev.profilekit.internal.EmailChange;
import dev.profilekit.internal.ProfilePages;
import dev.profilekit.internal.ProfilePatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The in-memory profile table: immutable profiles by user id, written atomically with the same
 * version rules as the DynamoDB store (conditional on the expected version, nothing changed on a
 * conflict or an invalid result).
 */
public final class ProfileStore {

  /** Page size of {@link #stream()}. */
  private static final int STREAM_PAGE_SIZE = 100;

  private final ConcurrentHashMap<String, UserProfile> profiles = new ConcurrentHashMap<>();
  // Deleted accounts: no profile may be written for them again (the AWS table keeps a tombstone).
  private final Set<String> deletedAccounts = ConcurrentHashMap.newKeySet();
  private final Clock clock;
  private final ProfilePolicy policy;

  /**
   * Creates an empty store.
   *
   * @param clock the clock of {@code updatedAt}
   * @param policy the policy a resulting profile must meet
   */
  public ProfileStore(Clock clock, ProfilePolicy policy) {
    this.clock = clock;
    this.policy = policy;
  }

  /**
   * Returns the clock of {@code updatedAt}, which the admin view's export also reads its {@code
   * exportedAt} from.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the stored profile, or null: no copy, profiles are immutable.
   *
   * @param userId the user id
   * @return the profile or null
   */
  public UserProfile get(String userId) {
    return profiles.get(userId);
  }

  /**
   * Applies a validated patch atomically.
   *
   * @param userId the user id
   * @param update the patch, already checked against the policy
   * @param fallback builds the fallback when no profile is stored (first write)
   * @return the stored profile after the write
   * @throws VersionConflictException if the expected version is not the stored one
   */
  public UserProfile update(String userId, ProfileUpdate update, Supplier<UserProfile> fallback) {
    return profiles.compute(userId, (id, stored) -> {
      if (deletedAccounts.contains(id)) {
        throw new UserNotFoundException("The account of this user was deleted");
      }
      long actual = stored == null ? 0 : stored.version();
      if (update.expectedVersion().isPresent() && update.expectedVersion().get() != actual) {
        throw new VersionConflictException(userId, update.expectedVersion().get(), OptionalLong.of(actual));
      }
      UserProfile next = ProfilePatch.apply(stored != null ? stored : fallback.get(), update, clock.instant());
      // The whole item is checked too (DynamoDB's item size, ItemSize); throwing leaves the mapping unchanged.
      policy.validateProfile(next);
      return next;
    });
  }

  /**
   * Stores a profile as is, replacing any stored one (for seeding).
   *
   * @param profile the profile
   */
  public void put(UserProfile profile) {
    profiles.put(profile.userId(), profile);
  }

  /**
   * Deletes the stored profile, if any.
   *
   * @param userId the user id
   */
  public void delete(String userId) {
    profiles.remove(userId);
  }

  /**
   * Deletes the stored profile if it is at the expected version.
   *
   * @param userId the user id
   * @param expectedVersion the expected version, 1 or more
   * @throws VersionConflictException if another version (0: none) is stored
   */
  public void delete(String userId, long expectedVersion) {
    profiles.compute(userId, (id, stored) -> {
      long actual = stored == null ? 0 : stored.version();
      if (actual != expectedVersion) {
        throw new VersionConflictException(userId, expectedVersion, OptionalLong.of(actual));
      }
      return null;
    });
  }

  /**
   * Makes the stored profile, if any, carry the identity's email ({@link EmailChange#follow}).
   *
   * @param userId the user id
   * @param email the identity's email
   * @param verified whether it is verified
   */
  public void followEmail(String userId, Optional<String> email, boolean verified) {
    profiles.computeIfPresent(userId, (id, stored) -> EmailChange.follow(stored, email, verified, clock.instant())
        .map(next -> {
          policy.validateProfile(next);
          return next;
        })
        .orElse(stored));
  }

  /**
   * Erases a deleted account's profile and keeps the account from ever being written again.
   *
   * @param userId the user id
   */
  public void eraseAccount(String userId) {
    profiles.compute(userId, (id, stored) -> {
      deletedAccounts.add(id);
      return null;
    });
  }

  /**
   * Returns how many profiles are stored.
   *
   * @return the count
   */
  public int size() {
    return profiles.size();
  }

  /**
   * Returns one page of profiles in user id order.
   *
   * @param pageSize 1 to 1000
   * @param pageToken null for the first page
   * @return the page
   */
  public ProfilePage page(int pageSize, String pageToken) {
    ProfilePages.checkPageSize(pageSize);
    String after = pageToken == null ? null : ProfilePages.lastUserId(pageToken);
    List<String> ids = new ArrayList<>();
    for (String id : profiles.keySet()) {
      if (after == null || id.compareTo(after) > 0) {
        ids.add(id);
      }
    }
    ids.sort(null);
    ProfilePage.Builder page = ProfilePage.builder();
    String last = null;
    int taken = 0;
    for (String id : ids) {
      if (taken == pageSize) {
        break;
      }
      UserProfile profile = profiles.get(id);
      if (profile != null) {
        page.addProfile(profile);
        last = id;
        taken++;
      }
    }
    if (taken == pageSize && !ids.isEmpty() && !ids.get(ids.size() - 1).equals(last)) {
      page.nextPageToken(ProfilePages.after(last));
    }
    return page.build();
  }

  /**
   * Streams every profile, a page at a time.
   *
   * @return the lazy stream
   */
  public Stream<UserProfile> stream() {
    Iterator<UserProfile> iterator = new Iterator<>() {
      // Pages are fetched only as the stream is consumed, like the DynamoDB scan.
      private Iterator<UserProfile> current = java.util.Collections.emptyIterator();
      private String next;
      private boolean started;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && (!started || next != null)) {
          ProfilePage page = page(STREAM_PAGE_SIZE, next);
          started = true;
          current = page.profiles().iterator();
          next = page.nextPageToken().orElse(null);
        }
        return current.hasNext();
      }

      @Override
      public UserProfile next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
