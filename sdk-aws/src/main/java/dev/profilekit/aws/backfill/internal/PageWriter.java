package dev.profilekit.aws.backfill.internal;

import dev.profilekit.AttributeMapper;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.aws.backfill.BackfillFilter;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Copies one page of users into the table: filters and maps each user on the calling thread, then
 * creates the profiles on the executor, whose size bounds the concurrency. Each create is the
 * profile store's conditional insert ({@link ProfileStore#insertIfAbsent}: one {@code PutItem} on
 * condition that the user has no item; only an item holding sign-out records takes a second,
 * conditional {@code UpdateItem}), so an existing profile is never touched, and a user's sign-out
 * record kept on the same item survives. {@code BatchWriteItem} is not used because it cannot be
 * conditional.
 */
public final class PageWriter {

  private final ProfileStore store;
  private final ProfilePolicy policy;
  private final AttributeMapper mapper;
  private final BackfillFilter filter;
  private final boolean dryRun;
  private final ExecutorService executor;
  private final Clock clock;

  /**
   * Creates a writer.
   *
   * @param store the profile store
   * @param policy checks each profile before it is written
   * @param filter chooses the users to copy
   * @param dryRun whether to only check for existing profiles, writing nothing
   * @param executor runs the writes; its thread count bounds the concurrency
   * @param clock the write time of created profiles
   */
  public PageWriter(ProfileStore store, ProfilePolicy policy, BackfillFilter filter, boolean dryRun, ExecutorService executor, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.mapper = AttributeMapper.withPolicy(policy);
    this.filter = filter;
    this.dryRun = dryRun;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Copies a page of users.
   *
   * @param users the page
   * @param maxRecordedFailures how many failures to keep with reasons
   * @return the page's counts
   * @throws ProfileKitException if DynamoDB fails in a way that is not about one profile
   *     (throttling, an outage, a missing table, denied access); the page's successful writes
   *     stay, and the page is done again on resume
   * @throws InterruptedException if interrupted while waiting for the writes
   */
  public PageOutcome write(List<UserType> users, int maxRecordedFailures) throws InterruptedException {
    PageOutcome outcome = new PageOutcome(maxRecordedFailures);
    List<Future<UserResult>> writes = new ArrayList<>(users.size());
    for (UserType user : users) {
      if (!filter.test(user)) {
        outcome.add(PageOutcome.Result.SKIPPED);
        continue;
      }
      Map<String, String> attributes = CognitoUserProfiles.attributes(user);
      Optional<String> userId = CognitoUserProfiles.userId(attributes);
      if (userId.isEmpty()) {
        outcome.fail(BackfillFailure.of(String.valueOf(user.username()), "the user has no sub attribute"));
        continue;
      }
      UserProfile profile;
      try {
        profile = CognitoUserProfiles.toStoredProfile(user, userId.get(), attributes, mapper, clock.instant());
        policy.validateProfile(profile);
      } catch (InvalidProfileException e) {
        outcome.fail(BackfillFailure.of(userId.get(), "invalid profile: " + e.getMessage()));
        continue;
      }
      writes.add(executor.submit(() -> dryRun ? check(profile.userId()) : create(profile)));
    }
    ProfileKitException stop = null;
    for (Future<UserResult> write : writes) {
      UserResult result;
      try {
        result = write.get();
      } catch (ExecutionException | CancellationException e) {
        // Only programming errors get here: create/check catch every ProfileKit failure.
        throw new IllegalStateException("a backfill write failed unexpectedly", e);
      } catch (InterruptedException e) {
        writes.forEach(pending -> pending.cancel(true));
        throw e;
      }
      if (result.stop != null) {
        stop = stop == null ? result.stop : stop;
      } else if (result.failure != null) {
        outcome.fail(result.failure);
      } else {
        outcome.add(result.result);
      }
    }
    if (stop != null) {
      throw stop;
    }
    return outcome;
  }

  private UserResult create(UserProfile profile) {
    try {
      boolean created = store.insertIfAbsent(profile, clock.instant());
      return UserResult.of(created ? PageOutcome.Result.CREATED : PageOutcome.Result.ALREADY_PRESENT);
    } catch (InvalidProfileException tooLarge) {
      // DynamoDB refused this one item (for example as too large): the other users can go on.
      return new UserResult(null, BackfillFailure.of(profile.userId(), "invalid profile: " + tooLarge.getMessage()), null);
    } catch (ProfileKitException e) {
      return new UserResult(null, null, e);
    }
  }

  private UserResult check(String userId) {
    try {
      boolean present = store.read(userId).profile().isPresent();
      return UserResult.of(present ? PageOutcome.Result.ALREADY_PRESENT : PageOutcome.Result.CREATED);
    } catch (ProfileKitException e) {
      return new UserResult(null, null, e);
    }
  }

  private static final class UserResult {
    private final PageOutcome.Result result;
    private final BackfillFailure failure;
    private final ProfileKitException stop;

    private UserResult(PageOutcome.Result result, BackfillFailure failure, ProfileKitException stop) {
      this.result = result;
      this.failure = failure;
      this.stop = stop;
    }

    static UserResult of(PageOutcome.Result result) {
      return new UserResult(result, null, null);
    }
  }
}
