package dev.profilekit.benchmarks;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestUsers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory fake that application tests run against: a stored-profile read and a patch on one
 * thread, and the cost of a fresh fake (tests create one per test). Judged by absolute bounds,
 * since the fake has no remote floor to compare with.
 */
@Fork(1)
// The report's single-fork settings (TokenVerificationBenchmark says why 8 warm-up seconds).
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InMemoryFakeBenchmark {

  InMemoryUserProfileService fake;
  VerifiedUser ada;
  ProfileUpdate patch;

  /**
   * Creates a fake with one user whose profile is stored (not a fallback), and the patch to apply.
   */
  @Setup
  public void setUp() {
    fake = InMemoryUserProfileService.create();
    ada = fake.seed(TestUsers.email("ada@example.com").givenName("Ada")).verifiedUser();
    patch = ProfileUpdate.builder()
        .displayName("Ada L.")
        .preference("theme", FieldValue.of("dark"))
        .build();
    fake.updateProfile(ada, patch);
    if (!fake.getProfile(ada).isStored()) {
      throw new IllegalStateException("the profile read must be of a stored profile, not a fallback");
    }
  }

  /**
   * Reads the stored profile.
   *
   * @return the profile
   */
  @Benchmark
  public UserProfile getStoredProfile() {
    return fake.getProfile(ada);
  }

  /**
   * Applies a two-field patch to the stored profile (validation, merge, version bump).
   *
   * @return the profile after the update
   */
  @Benchmark
  public UserProfile updateProfile() {
    return fake.updateProfile(ada, patch);
  }

  /**
   * Creates a fresh fake with every default, as a test does before each test method.
   *
   * @return the fake
   */
  @Benchmark
  public InMemoryUserProfileService createFake() {
    return InMemoryUserProfileService.create();
  }
}
