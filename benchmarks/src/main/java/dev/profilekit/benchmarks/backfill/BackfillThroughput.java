package dev.profilekit.benchmarks.backfill;

import dev.profilekit.aws.backfill.BackfillSummary;
import dev.profilekit.aws.backfill.ProfileBackfill;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.benchmarks.HarnessTable;
import dev.profilekit.benchmarks.PerformanceReport;
import dev.profilekit.benchmarks.SharedEmulators;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Backfill throughput and memory on the emulators: {@link ProfileBackfill} against {@link
 * RawBackfillLoop} (the same ListUsers pages and conditional PutItems, nothing else) on the same
 * pool and fresh tables, and ProfileBackfill's peak live heap on a small and a large pool. Too
 * slow for JMH iterations, so timed here, whole runs, with a warm-up run of each first.
 *
 * <p>Usage: {@code BackfillThroughput [--smoke] [--output FILE] [--users N] [--small N]}; with
 * {@code --output} the table is appended to the report that {@link PerformanceReport} wrote.
 */
public final class BackfillThroughput {

  /** Same concurrency on both sides: ProfileBackfill's default. */
  static final int WRITE_CONCURRENCY = ProfileBackfill.DEFAULT_WRITE_CONCURRENCY;

  /** The highest ProfileBackfill allows: the rate limit must not be what is measured. */
  static final double REQUESTS_PER_SECOND = 1000;

  private final LocalEmulators emulators;
  private final EmulatorEnvironment env;
  private final SeededCognitoLocal cognito;

  private BackfillThroughput(LocalEmulators emulators, EmulatorEnvironment env, SeededCognitoLocal cognito) {
    this.emulators = emulators;
    this.env = env;
    this.cognito = cognito;
  }

  /**
   * Runs the measurement and prints or appends its table.
   *
   * @param args {@code --smoke}, {@code --output FILE}, {@code --users N}, {@code --small N}
   * @throws Exception if a run fails or the report cannot be written
   */
  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    Path output = null;
    int large = 10_000;
    int small = 1_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--output" -> output = Path.of(args[++i]);
        case "--users" -> large = Integer.parseInt(args[++i]);
        case "--small" -> small = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    HarnessTable table = measure(smoke, small, large);
    String markdown = table.render(smoke);
    if (output != null) {
      PerformanceReport.appendSection(output, markdown);
      System.out.println("Appended the backfill table to " + output.toAbsolutePath());
    } else {
      System.out.println(markdown);
    }
    // The emulators' shutdown hook stops the Node processes.
    System.exit(0);
  }

  /**
   * Measures: warm-up runs on the small pool, then raw and ProfileBackfill on the large pool twice
   * in A-B-B-A order (one each in smoke mode), then ProfileBackfill's heap on both pools. Every run
   * must create exactly one item per user.
   *
   * @param smoke one run of each, numbers meaningless
   * @param small users of the small pool
   * @param large users of the large pool
   * @return the table
   * @throws Exception if a run fails or creates the wrong number of items
   */
  public static HarnessTable measure(boolean smoke, int small, int large) throws Exception {
    LocalEmulators emulators = SharedEmulators.get();
    try (EmulatorEnvironment env = EmulatorEnvironment.create(emulators, "BackfillThroughput");
        SeededCognitoLocal cognito = SeededCognitoLocal.start(List.of(small, large))) {
      double seedSeconds = cognito.seedTime().toNanos() / 1e9;
      BackfillThroughput harness = new BackfillThroughput(emulators, env, cognito);
      if (!smoke) {
        harness.profileKit(0, null);
        harness.raw(0);
      }
      List<Double> rawSeconds = new ArrayList<>();
      List<Double> profileKitSeconds = new ArrayList<>();
      rawSeconds.add(harness.raw(1));
      profileKitSeconds.add(harness.profileKit(1, null));
      if (!smoke) {
        profileKitSeconds.add(harness.profileKit(1, null));
        rawSeconds.add(harness.raw(1));
      }
      HeapSampler smallHeap = new HeapSampler();
      harness.profileKit(0, smallHeap);
      HeapSampler largeHeap = new HeapSampler();
      harness.profileKit(1, largeHeap);

      double raw = mean(rawSeconds);
      double profileKit = mean(profileKitSeconds);
      HarnessTable table = new HarnessTable("Backfill on the emulators (harness `BackfillThroughput`)");
      table.add(new HarnessTable.Row(
          String.format(Locale.ROOT, "ProfileBackfill, %,d users, vs raw ListUsers + conditional PutItem loop (time ratio; ≤ 1.10x, issue 15)", large),
          String.format(Locale.ROOT, "%.0f users/s (%.1f s)", large / profileKit, profileKit),
          String.format(Locale.ROOT, "%.0f users/s (%.1f s)", large / raw, raw),
          profileKit / raw, 1.10));
      table.add(new HarnessTable.Row(
          String.format(Locale.ROOT, "ProfileBackfill peak live heap, %,d vs %,d users (flat: ≤ 1.25x)", large, small),
          String.format(Locale.ROOT, "%.1f MB", largeHeap.peakMegabytes()),
          String.format(Locale.ROOT, "%.1f MB", smallHeap.peakMegabytes()),
          largeHeap.peakMegabytes() / smallHeap.peakMegabytes(), 1.25));
      table.note(String.format(Locale.ROOT, "Seeding %,d + %,d users into cognito-local by writing its pool files and starting it on them: %.1f s "
          + "(through AdminCreateUser it is quadratic: 3,000 users took 8.5 minutes, see SeededCognitoLocal).", small, large, seedSeconds));
      table.note(String.format(Locale.ROOT, "Both sides: write concurrency %d, pages of %d users (ListUsers paged through a `sub ^=` filter, "
          + "since cognito-local ignores Limit); ProfileBackfill at requestsPerSecond(%.0f) so that its rate limit is not what is timed. "
          + "Runs per side: %d (A-B-B-A order after a warm-up run of each on the small pool); each run writes a fresh table and "
          + "must create exactly one item per user.", WRITE_CONCURRENCY, SeededCognitoLocal.PAGE_SIZE, REQUESTS_PER_SECOND,
          rawSeconds.size()));
      table.note("Peak live heap: the most heap in use right after a full GC, sampled every 10 pages (and once before the run) in "
          + "separate, untimed runs; it includes the JVM's baseline (clients, classes), so a leak per user shows as a ratio above 1.");
      return table;
    }
  }

  /** Runs ProfileBackfill on a pool into a fresh table; returns seconds. */
  private double profileKit(int pool, HeapSampler heap) throws Exception {
    String table = env.createProfileTable("backfill-pk-" + System.nanoTime());
    int users = cognito.users(pool);
    try (CognitoIdentityProviderClient cognitoClient = cognito.client(pool);
        DynamoDbClient dynamoDb = emulators.dynamoDbClient()) {
      ProfileBackfill backfill = ProfileBackfill.builder()
          .cognito(cognitoClient)
          .userPoolId(cognito.userPoolId(pool))
          .dynamoDb(dynamoDb)
          .tableName(table)
          .requestsPerSecond(REQUESTS_PER_SECOND)
          .writeConcurrency(WRITE_CONCURRENCY)
          .progressListener(progress -> {
            if (heap != null && progress.pages() % 10 == 0) {
              heap.sample();
            }
          })
          .build();
      if (heap != null) {
        heap.sample();
      }
      long start = System.nanoTime();
      BackfillSummary summary = backfill.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (summary.created() != users || summary.failed() != 0 || countProfiles(dynamoDb, table) != users) {
        throw new IllegalStateException("ProfileBackfill must create exactly one profile per user: " + summary);
      }
      return seconds;
    }
  }

  /** Runs the raw loop on a pool into a fresh table; returns seconds. */
  private double raw(int pool) throws Exception {
    String table = env.createProfileTable("backfill-raw-" + System.nanoTime());
    int users = cognito.users(pool);
    try (CognitoIdentityProviderClient cognitoClient = cognito.client(pool);
        DynamoDbClient dynamoDb = emulators.dynamoDbClient()) {
      long start = System.nanoTime();
      long created = RawBackfillLoop.run(cognitoClient, cognito.userPoolId(pool), dynamoDb, table, WRITE_CONCURRENCY);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (created != users || countProfiles(dynamoDb, table) != users) {
        throw new IllegalStateException("the raw loop must create exactly one item per user, created " + created);
      }
      return seconds;
    }
  }

  /** Counts the profile items of a table: the checkpoint's reserved {@code #} keys are not profiles. */
  static long countProfiles(DynamoDbClient dynamoDb, String table) {
    long count = 0;
    java.util.Map<String, AttributeValue> start = null;
    do {
      java.util.Map<String, AttributeValue> from = start;
      ScanResponse page = dynamoDb.scan(b -> b.tableName(table).projectionExpression("userId").exclusiveStartKey(from));
      count += page.items().stream().filter(item -> !item.get("userId").s().startsWith("#")).count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The most heap in use right after a full collection, over the samples taken. */
  static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();

    void sample() {
      System.gc();
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      peak.accumulateAndGet(used, Math::max);
    }

    double peakMegabytes() {
      return peak.get() / (1024.0 * 1024.0);
    }
  }
}
