package dev.profilekit.benchmarks.profiles;

import dev.profilekit.UserProfile;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.benchmarks.SharedEmulators;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code AwsUserProfileService.getProfile} of a stored profile and {@code updateProfile} against
 * dynalite, each beside the raw {@code DynamoDbClient} call doing the same DynamoDB work against
 * the same table. Every iteration checks, with a request-counting interceptor, that each call sent
 * exactly one request of its operation.
 */
// 3 forks per side (issue 15), each warmed up in set-up (ProfileCalls). PerformanceReport runs them
// as alternating single forks (Targets.pairedForkClasses) that all attach to one dynalite it
// started and warmed up (warmUpSharedEmulators): one dynalite per fork differed from fork to fork
// by more than the 10% the target allows. Run by hand, each fork starts its own as before.
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProfileServiceBenchmark {

  EmulatorEnvironment env;
  ProfileCalls calls;

  /**
   * Warms up this JVM's emulators, before forks attach to them: the six calls round-robin on a
   * table of their own, so that the first fork meets a dynalite as warm as the last one does (a
   * fresh dynalite gets faster for many seconds). Run by {@link
   * dev.profilekit.benchmarks.PerformanceReport} in its own process; nothing in a smoke run.
   *
   * @param millis how long
   */
  public static void warmUpSharedEmulators(long millis) {
    LocalEmulators emulators = SharedEmulators.get();
    EmulatorEnvironment warmUp = SharedEmulators.environment("ProfileServiceBenchmark-parent");
    try (ProfileCalls calls = new ProfileCalls(emulators::dynamoDbClient, warmUp.cognito(), warmUp.userPoolId(),
        warmUp.appClientId(), warmUp.issuer(), warmUp.tableName())) {
      calls.storeProfile();
      calls.signInTokenUser(warmUp);
      calls.proveOneRequestPerCall();
      calls.warmUp(millis);
    }
  }

  /** Starts (or attaches to) the emulators, creates the table and stores the profile. */
  @Setup(Level.Trial)
  public void setUp() {
    LocalEmulators emulators = SharedEmulators.get();
    env = SharedEmulators.environment("ProfileServiceBenchmark");
    calls = new ProfileCalls(emulators::dynamoDbClient, env.cognito(), env.userPoolId(), env.appClientId(), env.issuer(),
        env.tableName());
    calls.storeProfile();
    calls.signInTokenUser(env);
    calls.proveOneRequestPerCall();
    calls.warmUp(4_000);
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
   * ProfileKit's read of a stored profile: 1 GetItem, then mapping the item to a profile.
   *
   * @return the profile
   */
  @Benchmark
  public UserProfile getProfile() {
    return calls.getProfile();
  }

  /**
   * The raw GetItem of the same item, consistent read, no mapping.
   *
   * @return the item
   */
  @Benchmark
  public Map<String, AttributeValue> rawGetItem() {
    return calls.rawGetItem();
  }

  /**
   * ProfileKit's patch of two fields: validation, expression building, 1 UpdateItem, mapping.
   *
   * @return the profile after the update
   */
  @Benchmark
  public UserProfile updateProfile() {
    return calls.updateProfile();
  }

  /**
   * The raw UpdateItem setting the same attributes under the same condition.
   *
   * @return the item after the update
   */
  @Benchmark
  public Map<String, AttributeValue> rawUpdateItem() {
    return calls.rawUpdateItem();
  }

  /**
   * ProfileKit's verify-and-patch for a request carrying a token: the token from the
   * verified-token cache, then 1 UpdateItem whose condition also refuses a revoked token.
   *
   * @return the profile after the update
   */
  @Benchmark
  public UserProfile verifyAndUpdateProfile() {
    return calls.verifyAndUpdateProfile();
  }

  /**
   * The raw UpdateItem of {@link #rawUpdateItem} on the token user's item, with the same
   * revocation condition clause ProfileKit adds.
   *
   * @return the item after the update
   */
  @Benchmark
  public Map<String, AttributeValue> rawConditionalUpdateItem() {
    return calls.rawConditionalUpdateItem();
  }
}
