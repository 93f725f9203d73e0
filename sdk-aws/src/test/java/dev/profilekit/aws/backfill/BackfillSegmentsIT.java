package dev.profilekit.aws.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;

/**
 * Scale-out of the backfill (issue 15): four workers, each {@link
 * ProfileBackfill.Builder#segment(int, int) segment} i of 4 with its own clients, run at the same
 * time against cognito-local and dynalite and together copy every one of 400 users exactly once.
 * cognito-local evaluates the {@code sub ^= "d"} prefix filter as Cognito documents it and answers
 * each prefix's users in one page, so no paging stand-in is needed here.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillSegmentsIT {

  private static final int USERS = 400;
  private static final int WORKERS = 4;
  private static final String POOL_ID = "local_segments400";

  private final List<CognitoIdentityProviderClient> clients = new ArrayList<>();
  private EmulatorEnvironment env;
  private SeededCognitoLocal cognitoLocal;
  private List<String> subs;
  private int tables;

  @BeforeAll
  void seed(EmulatorEnvironment env) throws Exception {
    this.env = env;
    List<SeededCognitoLocal.SeedUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String sub = UUID.nameUUIDFromBytes(("segment-user-" + i).getBytes(StandardCharsets.UTF_8)).toString();
      users.add(new SeededCognitoLocal.SeedUser(sub, "seg" + i + "@example.com", "CONFIRMED", Map.of("email_verified", "true")));
    }
    subs = users.stream().map(SeededCognitoLocal.SeedUser::sub).toList();
    cognitoLocal = SeededCognitoLocal.start(POOL_ID, users);
  }

  @AfterAll
  void stop() {
    clients.forEach(CognitoIdentityProviderClient::close);
    if (cognitoLocal != null) {
      cognitoLocal.close();
    }
  }

  @Test
  void fourConcurrentWorkersCopyEveryUserExactlyOnce() throws Exception {
    String table = env.createProfileTable(env.tableName() + "-seg" + (++tables));
    List<ConcurrentLinkedQueue<String>> filters = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(WORKERS);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<BackfillSummary>> runs = new ArrayList<>();
    try {
      for (int w = 0; w < WORKERS; w++) {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        filters.add(seen);
        ProfileBackfill worker = backfill(client(seen), table).segment(w, WORKERS).build();
        runs.add(pool.submit(() -> {
          start.await();
          return worker.run();
        }));
      }
      List<BackfillSummary> summaries = new ArrayList<>();
      for (Future<BackfillSummary> run : runs) {
        summaries.add(run.get());
      }

      assertThat(PoolFixture.profileIds(env.dynamoDb(), table)).hasSize(USERS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subs);
      for (int w = 0; w < WORKERS; w++) {
        int segment = w;
        long expected = subs.stream().filter(sub -> Character.digit(sub.charAt(0), 16) % WORKERS == segment).count();
        assertThat(summaries.get(w).created()).as("worker %d", w).isEqualTo(expected);
        assertThat(summaries.get(w).seen()).as("worker %d", w).isEqualTo(expected);
        // Four prefixes each (16 / 4), one page each on cognito-local: sub ^= "d", d mod 4 == w.
        Set<String> expectedFilters = new TreeSet<>();
        for (int digit = w; digit < 16; digit += WORKERS) {
          expectedFilters.add("sub ^= \"" + Character.forDigit(digit, 16) + "\"");
        }
        assertThat(new TreeSet<>(filters.get(w))).isEqualTo(expectedFilters);
        assertThat(summaries.get(w).pages()).isEqualTo(4);
      }
      assertThat(summaries.stream().mapToLong(BackfillSummary::seen).sum()).isEqualTo(USERS);

      // Each segment's prefixes keep their own checkpoint: a resume of worker 2 finds them complete.
      ConcurrentLinkedQueue<String> again = new ConcurrentLinkedQueue<>();
      BackfillSummary resumed = backfill(client(again), table).segment(2, WORKERS).build().resume();
      assertThat(again).isEmpty();
      assertThat(resumed.created()).isEqualTo(summaries.get(2).created());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void segmentsOutOfRangeOrWithACheckpointFileAreRefused() {
    CognitoIdentityProviderClient cognito = client(new ConcurrentLinkedQueue<>());
    assertThatThrownBy(() -> backfill(cognito, "t").segment(4, 4).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("segmentIndex");
    assertThatThrownBy(() -> backfill(cognito, "t").segment(0, 17).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("segmentCount");
    assertThatThrownBy(() -> backfill(cognito, "t").segment(1, 2).checkpointStore(BackfillCheckpointStore.inFile(Path.of("cp.json"))).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("checkpointStore");
  }

  private CognitoIdentityProviderClient client(ConcurrentLinkedQueue<String> filters) {
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof ListUsersRequest list) {
          filters.add(String.valueOf(list.filter()));
        }
      }
    };
    CognitoIdentityProviderClient client = cognitoLocal.client(recorder);
    clients.add(client);
    return client;
  }

  private ProfileBackfill.Builder backfill(CognitoIdentityProviderClient cognito, String table) {
    return ProfileBackfill.builder()
        .cognito(cognito)
        .userPoolId(POOL_ID)
        .dynamoDb(env.dynamoDb())
        .tableName(table)
        .requestsPerSecond(1000)
        .writeConcurrency(4);
  }
}
