package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The backfill over a large pool on a virtual clock (issue 15): the real {@link ProfileBackfill}
 * (paging, rate limiter, mapping, policy, conditional {@code PutItem}s on 8 writer threads,
 * checkpoint per page) against {@link SimulatedUserPool}, which refuses {@code ListUsers} calls over
 * its per-second quota, and {@link SimulatedProfileTable}. The rate limiter sleeps on virtual
 * time, so the listing's duration is exact and costs no real time: it must be (pages - 1) / quota
 * seconds, i.e. time ~ users / quota, with no call refused. The heap in use after a full GC is
 * sampled at every tenth of the run and must stay flat.
 *
 * <p>{@code mvn verify} runs 30,000 users (a few seconds); the figures in {@code
 * docs/performance.md} come from {@code -Dprofilekit.backfill.simulatedUsers=1000000}.
 */
class BackfillSimulationTest {

  private static final int USERS = Integer.getInteger("profilekit.backfill.simulatedUsers", 30_000);
  private static final long MB = 1024 * 1024;

  /** What one simulated run measured. */
  private record Run(int users, double quota, long pages, long virtualNanos, int throttled, BackfillSummary summary,
      SimulatedProfileTable table, List<Long> heapAfterGc, long realMillis) {}

  private static final class MemoryCheckpoints implements BackfillCheckpointStore {
    private final Map<String, BackfillCheckpoint> saved = new HashMap<>();

    @Override
    public synchronized Optional<BackfillCheckpoint> load(String jobName) {
      return Optional.ofNullable(saved.get(jobName));
    }

    @Override
    public synchronized void save(BackfillCheckpoint checkpoint) {
      saved.put(checkpoint.jobName(), checkpoint);
    }
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static Run simulate(int users, int quota, boolean sampleHeap) {
    AtomicLong virtualNanos = new AtomicLong(1_000_000_000L);
    SimulatedUserPool pool = new SimulatedUserPool(users, quota, virtualNanos::get);
    SimulatedProfileTable table = new SimulatedProfileTable();
    long pages = (users + ProfileBackfill.MAX_PAGE_SIZE - 1) / ProfileBackfill.MAX_PAGE_SIZE;
    long sampleEvery = Math.max(1, pages / 10);
    List<Long> heap = new ArrayList<>();
    if (sampleHeap) {
      heap.add(heapAfterGc());
    }
    ProfileBackfill backfill = ProfileBackfill.builder()
        .cognito(pool).userPoolId("eu-west-1_Simulated")
        .dynamoDb(table).tableName("profiles")
        .checkpointStore(new MemoryCheckpoints())
        .requestsPerSecond(quota)
        .progressListener(progress -> {
          if (sampleHeap && progress.pages() % sampleEvery == 0) {
            heap.add(heapAfterGc());
          }
        })
        .rateClock(virtualNanos::get, virtualNanos::addAndGet)
        .build();
    long start = System.nanoTime();
    BackfillSummary summary = backfill.run();
    long realMillis = (System.nanoTime() - start) / 1_000_000;
    return new Run(users, quota, pool.calls(), pool.listingNanos(), pool.throttled(), summary, table, heap, realMillis);
  }

  private static void assertTimeIsUsersOverQuota(Run run) {
    assertThat(run.throttled()).as("ListUsers calls over the quota").isZero();
    assertThat(run.pages()).isEqualTo((run.users() + 59) / 60);
    long interval = (long) (1_000_000_000L / run.quota());
    // Writes take no virtual time: the listing lasts exactly the limiter's spacing of its calls.
    assertThat(run.virtualNanos()).isEqualTo((run.pages() - 1) * interval);
    assertThat(run.summary().created()).isEqualTo(run.users());
    assertThat(run.table().storedUsers()).isEqualTo(run.users());
    assertThat(run.table().puts()).isEqualTo(run.users());
  }

  @Test
  void aLargePoolTakesUsersOverQuotaSecondsWithNoCallRefusedAndFlatHeap() {
    Run run = simulate(USERS, 5, true);

    assertTimeIsUsersOverQuota(run);
    long first = run.heapAfterGc().get(0);
    long peak = run.heapAfterGc().stream().mapToLong(Long::longValue).max().orElseThrow();
    long last = run.heapAfterGc().get(run.heapAfterGc().size() - 1);
    System.out.printf("backfill simulation: %,d users, quota %.0f ListUsers/s: %,d pages, virtual %.1f s (%.1f users/s), "
            + "real %,d ms; heap after GC (MB): %s%n",
        run.users(), run.quota(), run.pages(), run.virtualNanos() / 1e9, run.users() / (run.virtualNanos() / 1e9), run.realMillis(),
        run.heapAfterGc().stream().map(b -> String.format("%.1f", b / (double) MB)).toList());
    assertThat(run.heapAfterGc()).hasSizeGreaterThanOrEqualTo(10);
    // One page in memory: a leak of even 100 bytes per user would add 3 MB at 30,000 users, 95 MB at 1,000,000.
    assertThat(peak - first).as("heap growth after GC over the run").isLessThan(16 * MB);
    assertThat(last - first).isLessThan(16 * MB);
  }

  @Test
  void fiveTimesTheQuotaIsAFifthOfTheTime() {
    Run slow = simulate(USERS / 10, 5, false);
    Run fast = simulate(USERS / 10, 25, false);

    assertTimeIsUsersOverQuota(slow);
    assertTimeIsUsersOverQuota(fast);
    assertThat((double) slow.virtualNanos() / fast.virtualNanos()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void thePoolRefusesCallsOverItsQuota() {
    AtomicLong virtualNanos = new AtomicLong();
    SimulatedUserPool pool = new SimulatedUserPool(600, 5, virtualNanos::get);
    int refused = 0;
    for (int call = 0; call < 6; call++) {
      virtualNanos.addAndGet(100_000_000L);
      try {
        pool.listUsers(b -> b.userPoolId("p").limit(60));
      } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException e) {
        refused++;
      }
    }
    // Six calls 100 ms apart: the sixth is the sixth within one second.
    assertThat(refused).isEqualTo(1);
    assertThat(pool.throttled()).isEqualTo(1);
  }
}
