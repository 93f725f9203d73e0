package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.AuthSession;
import dev.profilekit.ProfileKitException;
import dev.profilekit.UserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.examples.EmulatorExampleEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A soak of the HTTP example ({@link ProfileHttpService} on {@code AwsUserProfileService} over
 * dynalite and cognito-local): {@value #THREADS} threads, each doing a fixed number of rounds
 * ({@code -Dsoak.operationsPerThread}, default in the examples POM; {@code -Psoak} for a long run),
 * so the run is bounded by count, not by time. A round takes one of {@value #USERS} users shared
 * by all threads: sign in (the example has no sign-in route, so through the service, as its
 * clients would through Cognito) on the thread's first round with that user and every {@value
 * #SIGN_IN_EVERY}th after; {@code GET /me/profile} (the token verified, the profile read); {@code
 * PATCH /me/profile} with {@code If-Match} of the version read, raising the custom field {@code
 * count} by one.
 *
 * <p>Lost updates are counted, not sampled: every 200 to a {@code PATCH} is one increment, so each
 * user's stored {@code count} and version must equal the 200s that user's PATCHes got across all
 * threads; a 412 (another thread wrote first) changes nothing. The heap is measured after GC once
 * the warm-up rounds are done and again at the end.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileHttpSoakIT {

  private static final int THREADS = 8;
  private static final int USERS = 4;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int SIGN_IN_EVERY = 25;
  private static final String PASSWORD = "Soak-Pa55word!";
  /** Heap after GC may grow by this much over the run; a leak per request would pass it soon. */
  private static final long HEAP_GROWTH_BOUND_BYTES = 16L * 1024 * 1024;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ByteArrayOutputStream serviceLog = new ByteArrayOutputStream();
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final AtomicLongArray acceptedPatches = new AtomicLongArray(USERS);
  private final List<String> emails = new ArrayList<>();
  private EmulatorExampleEnvironment environment;
  private UserProfileService service;
  private ProfileHttpService http;

  @BeforeAll
  void start(EmulatorEnvironment pool) {
    environment = EmulatorExampleEnvironment.on(pool);
    service = environment.service();
    for (int u = 0; u < USERS; u++) {
      String email = "soak" + u + "@example.com";
      pool.createConfirmedUser(email, PASSWORD, Map.of("given_name", "Soak" + u));
      emails.add(email);
    }
    http = ProfileHttpService.builder().service(service).port(0).threads(THREADS).daemonThreads(true)
        .log(new PrintStream(serviceLog, true, StandardCharsets.UTF_8)).build();
  }

  @AfterAll
  void stop() {
    http.close();
    environment.close();
  }

  @Test
  void eightThreadsLoseNoUpdateAndTheHeapStaysFlat() throws Exception {
    int rounds = Integer.getInteger("soak.operationsPerThread", 100);
    runRounds(WARM_UP_ROUNDS);
    long heapAtStart = heapAfterGc();
    requests.clear();
    errors.clear();
    long start = System.nanoTime();

    runRounds(rounds);

    long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
    long heapAtEnd = heapAfterGc();
    long lost = 0;
    long accepted = 0;
    for (int u = 0; u < USERS; u++) {
      Map<String, Object> stored = readBack(u);
      long count = ((Number) ((Map<?, ?>) stored.get("customFields")).get("count")).longValue();
      long version = ((Number) stored.get("version")).longValue();
      // Every accepted PATCH raised count by one from the version it read, so none was lost if
      // the stored count and version equal the accepted PATCHes, warm-up included.
      assertThat(count).as("user %d count", u).isEqualTo(acceptedPatches.get(u));
      assertThat(version).as("user %d version", u).isEqualTo(acceptedPatches.get(u));
      lost += acceptedPatches.get(u) - count;
      accepted += acceptedPatches.get(u);
    }
    long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf("FIGURE | soak | %d threads x %d rounds (+%d warm-up), %d users | %d requests in %d s: %s | errors by kind: %s"
            + " | accepted PATCHes %d, lost updates %d | heap after GC: %.1f MB at start, %.1f MB at end (growth %.1f MB, bound %d MB)%n",
        THREADS, rounds, WARM_UP_ROUNDS, USERS, total, seconds, new TreeMap<>(snapshot(requests)), new TreeMap<>(snapshot(errors)),
        accepted, lost, heapAtStart / 1e6, heapAtEnd / 1e6, (heapAtEnd - heapAtStart) / 1e6, HEAP_GROWTH_BOUND_BYTES / (1024 * 1024));

    assertThat(lost).isZero();
    assertThat(requests.get("PATCH").get()).isEqualTo((long) THREADS * rounds);
    // Without faults, a conflict (412) is the only refusal a round may meet.
    assertThat(errors.keySet()).allSatisfy(kind -> assertThat(kind).isEqualTo("PATCH 412 version_conflict"));
    assertThat(serviceLog.toString(StandardCharsets.UTF_8)).as("unexpected failures the service logged").isEmpty();
    assertThat(heapAtEnd - heapAtStart).as("heap growth over the run").isLessThan(HEAP_GROWTH_BOUND_BYTES);
  }

  private void runRounds(int rounds) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(threads.submit(() -> {
          rounds(thread, rounds);
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private void rounds(int thread, int rounds) throws Exception {
    String[] tokens = new String[USERS];
    int[] used = new int[USERS];
    for (int round = 0; round < rounds; round++) {
      int user = (thread + round) % USERS;
      if (used[user]++ % SIGN_IN_EVERY == 0) {
        tokens[user] = signIn(user).orElse(tokens[user]);
        if (tokens[user] == null) {
          continue;
        }
      }
      HttpResponse<String> read = send("GET", tokens[user], null, null);
      if (read.statusCode() != 200) {
        continue;
      }
      Map<String, Object> profile = JSONObjectUtils.parse(read.body());
      Object count = profile.get("customFields") instanceof Map<?, ?> fields ? fields.get("count") : null;
      long next = count == null ? 1 : ((Number) count).longValue() + 1;
      HttpResponse<String> write = send("PATCH", tokens[user], read.headers().firstValue("ETag").orElseThrow(),
          "{\"customFields\":{\"count\":" + next + "}}");
      if (write.statusCode() == 200) {
        acceptedPatches.incrementAndGet(user);
      }
    }
  }

  private Optional<String> signIn(int user) {
    count(requests, "sign-in");
    try {
      AuthSession session = service.signIn(emails.get(user), PASSWORD).sessionOrThrow();
      return Optional.of(session.accessToken());
    } catch (ProfileKitException e) {
      count(errors, "sign-in " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private HttpResponse<String> send(String method, String token, String ifMatch, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUri() + "/me/profile"))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/merge-patch+json").header("If-Match", ifMatch)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    count(requests, method);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      Object error = JSONObjectUtils.parse(response.body()).get("error");
      count(errors, method + " " + response.statusCode() + " " + error);
    }
    return response;
  }

  private Map<String, Object> readBack(int user) throws Exception {
    String token = service.signIn(emails.get(user), PASSWORD).sessionOrThrow().accessToken();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(http.baseUri() + "/me/profile"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSONObjectUtils.parse(response.body());
  }

  private static void count(Map<String, AtomicLong> counters, String kind) {
    counters.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** Used heap after two full collections (System.gc() runs one with the JDK's default G1). */
  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
