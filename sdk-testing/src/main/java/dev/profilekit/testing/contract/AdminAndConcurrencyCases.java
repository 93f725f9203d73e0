package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfilePage;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Contract cases: the admin view, listing, and concurrent updates. */
public interface AdminAndConcurrencyCases extends ContractHarness {

  /** Threads of the concurrency case. */
  int THREADS = 16;


  @Test
  default void anAdminWritesTheSubscriptionAndAdminOnlyFieldsThatTheUserThenReads() {
    VerifiedUser user = newUser();
    Subscription pro = Subscription.builder().plan("pro-monthly").status(SubscriptionStatus.ACTIVE)
        .currentPeriodEnd(Instant.parse("2030-01-31T00:00:00Z")).externalCustomerId("cus_123").build();

    UserProfile updated = service().admin().updateProfile(user.userId(),
        ProfileUpdate.builder().subscription(pro).customField("creditBalance", FieldValue.of(new BigDecimal("12.50"))).build());

    assertThat(updated.subscription()).contains(pro);
    assertThat(service().getProfile(user).subscription()).contains(pro);
    assertThat(service().getProfile(user).customFields()).containsEntry("creditBalance", FieldValue.of(new BigDecimal("12.5")));
    assertThat(service().getProfile(user).givenName()).contains(GIVEN_NAME);
  }

  @Test
  default void anAdminRemovesTheSubscription() {
    VerifiedUser user = newUser();
    service().admin().updateProfile(user.userId(),
        ProfileUpdate.builder().subscription(Subscription.builder().plan("pro").status(SubscriptionStatus.TRIALING).build()).build());

    UserProfile updated = service().admin().updateProfile(user.userId(), ProfileUpdate.builder().removeSubscription().build());

    assertThat(updated.subscription()).isEmpty();
  }

  @Test
  default void adminGetProfileOfAnUnknownUserFailsWithProfileNotFound() {
    String unknown = UUID.randomUUID().toString();

    assertThat(thrown(ProfileNotFoundException.class, () -> service().admin().getProfile(unknown)).userId()).isEqualTo(unknown);
  }

  @Test
  default void adminGetProfileOfAUserWithoutARowIsTheFallback() {
    VerifiedUser user = newUser();

    UserProfile profile = service().admin().getProfile(user.userId());

    assertThat(profile.source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(profile.version()).isZero();
    assertThat(profile.givenName()).contains(GIVEN_NAME);
    assertThat(profile.email()).isEqualTo(user.email());
  }

  @Test
  default void adminCallsRefuseAUserIdThatIsNoCognitoSub() {
    for (String malformed : List.of("has space", "a/b", "", "x".repeat(129), "line\nbreak")) {
      InvalidRequestException refused = thrown(InvalidRequestException.class, () -> service().admin().getProfile(malformed));
      assertThat(refused.field()).isEqualTo("userId");
      assertThat(refused.rule()).isEqualTo("format");
    }
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().findStoredProfile(null)).rule()).isEqualTo("required");
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().deleteProfile("a/b")).field()).isEqualTo("userId");
  }

  @Test
  default void adminFindStoredProfileIsEmptyUntilTheFirstWrite() {
    VerifiedUser user = newUser();
    assertThat(service().admin().findStoredProfile(user.userId())).isEmpty();

    UserProfile stored = service().updateProfile(user, ProfileUpdate.builder().displayName("Stored").build());

    assertThat(service().admin().findStoredProfile(user.userId())).contains(stored);
  }

  @Test
  default void adminUpdateOfAnUnknownUserFailsWithProfileNotFound() {
    String unknown = UUID.randomUUID().toString();

    thrown(ProfileNotFoundException.class, () -> service().admin().updateProfile(unknown, ProfileUpdate.builder().displayName("X").build()));

    assertThat(service().admin().findStoredProfile(unknown)).isEmpty();
  }

  @Test
  default void adminUpdateWithAStaleVersionFailsWithVersionConflict() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().displayName("v1").build());

    thrown(VersionConflictException.class,
        () -> service().admin().updateProfile(user.userId(), ProfileUpdate.builder().expectedVersion(0L).displayName("v0").build()));

    assertThat(service().getProfile(user).displayName()).contains("v1");
  }

  @Test
  default void adminDeleteProfileMakesReadsFallBackAgain() {
    VerifiedUser user = newUser();
    service().updateProfile(user, ProfileUpdate.builder().displayName("Doomed").build());

    service().admin().deleteProfile(user.userId());

    assertThat(service().getProfile(user).source()).isEqualTo(ProfileSource.FALLBACK);
    assertThat(service().admin().findStoredProfile(user.userId())).isEmpty();
  }

  @Test
  default void listProfilesPagesCoverEveryProfileExactlyOnce() {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      VerifiedUser user = newUser();
      service().updateProfile(user, ProfileUpdate.builder().displayName("Listed " + i).build());
      mine.add(user.userId());
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ProfilePage page = service().admin().listProfiles(3, token);
      assertThat(page.profiles()).hasSizeLessThanOrEqualTo(3);
      page.profiles().forEach(profile -> seen.add(profile.userId()));
      token = page.nextPageToken().orElse(null);
      pages++;
      assertThat(pages).as("pages").isLessThan(10_000);
    } while (token != null);

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(mine);
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  default void listProfilesRejectsAPageSizeOutsideOneToAThousand() {
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().listProfiles(0, null)).field()).isEqualTo("pageSize");
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().listProfiles(1001, null)).field()).isEqualTo("pageSize");
  }

  @Test
  default void listProfilesRejectsAForgedPageToken() {
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().listProfiles(10, "forged!token")).field())
        .isEqualTo("pageToken");
  }

  @Test
  default void streamProfilesYieldsEveryStoredProfileOnce() {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      VerifiedUser user = newUser();
      service().updateProfile(user, ProfileUpdate.builder().displayName("Streamed " + i).build());
      mine.add(user.userId());
    }

    List<String> streamed = service().admin().streamProfiles().map(UserProfile::userId).collect(Collectors.toList());

    assertThat(streamed).doesNotHaveDuplicates().containsAll(mine);
    assertThat(service().admin().streamProfiles().filter(profile -> mine.contains(profile.userId())))
        .allSatisfy(profile -> assertThat(profile.source()).isEqualTo(ProfileSource.STORED));
  }

  @Test
  default void concurrentUpdatesWithRetriesOnConflictLoseNothing() throws Exception {
    VerifiedUser user = newUser();
    long start = service().updateProfile(user, ProfileUpdate.builder().customField("counter", FieldValue.of(0)).build()).version();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> attempts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String mark = "thread" + t;
        attempts.add(pool.submit(() -> {
          go.await();
          for (int attempt = 1; ; attempt++) {
            UserProfile current = service().getProfile(user);
            BigDecimal counter = ((FieldValue.Number) current.customFields().get("counter")).value();
            try {
              service().updateProfile(user, ProfileUpdate.builder().expectedVersion(current.version())
                  .customField("counter", FieldValue.of(counter.add(BigDecimal.ONE)))
                  .customField(mark, FieldValue.of(true)).build());
              return attempt;
            } catch (VersionConflictException conflict) {
              assertThat(conflict.userId()).isEqualTo(user.userId());
            }
          }
        }));
      }
      go.countDown();
      for (Future<Integer> attempt : attempts) {
        assertThat(attempt.get(120, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }

    UserProfile last = service().getProfile(user);
    assertThat(last.customFields().get("counter")).isEqualTo(FieldValue.of(THREADS));
    for (int t = 0; t < THREADS; t++) {
      assertThat(last.customFields()).containsEntry("thread" + t, FieldValue.of(true));
    }
    assertThat(last.version()).isEqualTo(start + THREADS);
  }

  @Test
  default void concurrentFirstWritesExpectingVersionZeroCreateTheProfileExactlyOnce() throws Exception {
    VerifiedUser user = newUser();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> writes = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        String name = "Writer " + t;
        writes.add(pool.submit(() -> {
          go.await();
          try {
            service().updateProfile(user, ProfileUpdate.builder().expectedVersion(0L).displayName(name).build());
            return true;
          } catch (VersionConflictException conflict) {
            return false;
          }
        }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> write : writes) {
        won += write.get(120, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(service().getProfile(user).version()).isEqualTo(1);
  }

  @Test
  default void oneUsersUpdatesNeverTouchAnotherUsersProfile() {
    VerifiedUser ada = newUser();
    VerifiedUser bob = newUser();
    UserProfile bobs = service().updateProfile(bob, ProfileUpdate.builder().displayName("Bob").build());

    service().updateProfile(ada, ProfileUpdate.builder().displayName("Ada").customField("x", FieldValue.of(1)).build());
    service().deleteProfile(ada);

    assertThat(service().getProfile(bob)).isEqualTo(bobs);
  }

  @Test
  default void listProfilesListsStoredProfilesOnly() {
    VerifiedUser stored = newUser();
    VerifiedUser fallbackOnly = newUser();
    service().updateProfile(stored, ProfileUpdate.builder().displayName("Stored").build());

    List<String> listed = service().admin().streamProfiles().map(UserProfile::userId).collect(Collectors.toList());

    assertThat(listed).contains(stored.userId()).doesNotContain(fallbackOnly.userId());
  }

  @Test
  default void thePolicyIsTheOneTheServiceWasBuiltWith() {
    assertThat(service().policy().isAdminOnly("creditBalance")).isTrue();
    assertThat(service().policy().isAdminOnly("nickname")).isFalse();
  }

}
