package dev.profilekit.benchmarks.profiles;

import dev.profilekit.UserProfile;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.benchmarks.SharedEmulators;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same four calls as {@link ProfileServiceBenchmark}, over an in-process {@code SdkHttpClient}
 * that answers with dynalite's own responses, recorded once in set-up: no network, no emulator
 * latency, so what remains is client-side cost (ProfileKit's validation, expression building and
 * mapping on top of the SDK's marshalling, signing and unmarshalling).
 */
@Fork(1)
// 20 warm-up seconds, not the report's 8 (TokenVerificationBenchmark): this path (the SDK's whole
// marshalling, signing and unmarshalling) was still getting faster at the 8th second on 2 cores,
// and its first measured iterations ran 5-7x the steady state (2026-12-04 run: a median of
// 41.6 us with a steady state of ~28 us, error +-110 us).
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProfileServiceClientSideBenchmark {

  EmulatorEnvironment env;
  ProfileCalls calls;

  /**
   * Records a stored-profile GetItem and a patch UpdateItem from dynalite, then builds both sides
   * on the canned client and checks that ProfileKit maps the canned item to the stored profile.
   */
  @Setup(Level.Trial)
  public void setUp() {
    LocalEmulators emulators = SharedEmulators.get();
    env = SharedEmulators.environment("ProfileServiceClientSideBenchmark");
    RecordedResponses recorded = new RecordedResponses();
    try (ProfileCalls recording = new ProfileCalls(
        interceptors -> emulators.dynamoDbClient(with(interceptors, recorded)),
        env.cognito(), env.userPoolId(), env.appClientId(), env.issuer(), env.tableName())) {
      recording.storeProfile();
      recording.proveOneRequestPerCall();
      recording.getProfile();
      recording.updateProfile();
    }
    CannedDynamoDbHttpClient canned = new CannedDynamoDbHttpClient(Map.of(
        "GetItem", recorded.get("GetItem"), "UpdateItem", recorded.get("UpdateItem")));
    calls = new ProfileCalls(interceptors -> cannedClient(canned, interceptors, emulators.dynamoDbEndpoint()),
        env.cognito(), env.userPoolId(), env.appClientId(), env.issuer(), env.tableName());
    UserProfile read = calls.proveOneRequestPerCall();
    if (!read.isStored() || !read.displayName().orElse("").equals("Ada L.")) {
      throw new IllegalStateException("the canned GetItem must read as the stored profile, got " + read);
    }
    calls.warmUp(2_000);
  }

  private static ExecutionInterceptor[] with(ExecutionInterceptor[] interceptors, ExecutionInterceptor extra) {
    ExecutionInterceptor[] all = java.util.Arrays.copyOf(interceptors, interceptors.length + 1);
    all[interceptors.length] = extra;
    return all;
  }

  /** Configured like {@link LocalEmulators#dynamoDbClient}, but on the canned transport. */
  private static DynamoDbClient cannedClient(CannedDynamoDbHttpClient canned, ExecutionInterceptor[] interceptors, URI endpoint) {
    return DynamoDbClient.builder()
        .httpClient(canned)
        .endpointOverride(endpoint)
        .region(LocalEmulators.REGION)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-bench", "bench-secret")))
        .overrideConfiguration(o -> java.util.List.of(interceptors).forEach(o::addExecutionInterceptor))
        .build();
  }

  /** Starts counting afresh for the iteration. */
  @Setup(Level.Iteration)
  public void resetCounts() {
    calls.resetCounts();
  }

  /** Fails the run unless every call of the iteration cost exactly one request. */
  @TearDown(Level.Iteration)
  public void checkCounts() {
    calls.checkOneRequestPerCall();
  }

  /** Closes the clients; the environment and the emulators live until the JVM exits. */
  @TearDown(Level.Trial)
  public void tearDown() {
    calls.close();
  }

  /**
   * ProfileKit's stored-profile read, client side only.
   *
   * @return the profile
   */
  @Benchmark
  public UserProfile getProfile() {
    return calls.getProfile();
  }

  /**
   * The raw GetItem, client side only.
   *
   * @return the item
   */
  @Benchmark
  public Map<String, AttributeValue> rawGetItem() {
    return calls.rawGetItem();
  }

  /**
   * ProfileKit's two-field patch, client side only.
   *
   * @return the profile after the update
   */
  @Benchmark
  public UserProfile updateProfile() {
    return calls.updateProfile();
  }

  /**
   * The raw UpdateItem, client side only.
   *
   * @return the item after the update
   */
  @Benchmark
  public Map<String, AttributeValue> rawUpdateItem() {
    return calls.rawUpdateItem();
  }
}
