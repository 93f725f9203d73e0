package dev.profilekit.benchmarks;

import dev.profilekit.benchmarks.profiles.ProfileServiceBenchmark;
import dev.profilekit.benchmarks.profiles.ProfileServiceClientSideBenchmark;
import dev.profilekit.benchmarks.spring.ProfileEndpointBenchmark;
import java.util.List;

/**
 * The performance targets of ProfileKit (issue "Benchmarks" and DESIGN section 6), and the
 * benchmark classes that measure them. Every benchmark reports average time per operation in
 * {@link PerformanceReport#UNIT}.
 */
public final class Targets {

  private Targets() {}

  /**
   * Returns the benchmark classes the report runs.
   *
   * @return the classes
   */
  public static List<Class<?>> benchmarkClasses() {
    return List.of(
        TokenVerificationBenchmark.class,
        InMemoryFakeBenchmark.class,
        ProfileServiceBenchmark.class,
        ProfileServiceClientSideBenchmark.class,
        ProfileEndpointBenchmark.class);
  }

  /**
   * Returns the benchmark classes whose targets compare two sides of a call to an emulator, and
   * whose forks therefore all attach to one emulator pair started by the report and run one at a
   * time with the sides alternating ({@link PairedForks}), instead of one dynalite per fork and
   * all forks of a side in a block. A subset of {@link #benchmarkClasses()}.
   *
   * @return the classes
   */
  public static List<Class<?>> pairedForkClasses() {
    return List.of(ProfileServiceBenchmark.class);
  }

  /**
   * Returns every target, in report order.
   *
   * @return the targets
   */
  public static List<Target> all() {
    return List.of(
        Target.ratio(
            "Token verification, keys cached, vs bare RS256 verify",
            "TokenVerificationBenchmark.profileKitVerify",
            "TokenVerificationBenchmark.jdkSignatureVerify",
            1.5,
            "Every check beyond the signature (shape, claims, mapping) must stay small next to the RSA work."),
        Target.ratio(
            "Repeated token from the verified-token cache vs full verification",
            "TokenVerificationBenchmark.profileKitVerifyCached",
            "TokenVerificationBenchmark.profileKitVerify",
            0.05,
            "A hot token must cost a hash and a lookup: at least 20x faster than verifying it again."),
        Target.ratio(
            "Repeated token with revocation checks on (revocation cache) vs without",
            "TokenVerificationBenchmark.profileKitVerifyCachedWithRevocations",
            "TokenVerificationBenchmark.profileKitVerifyCached",
            1.10,
            "Revocation must not bring back a read per verify: between lookups it costs a map lookup next to the token hash."),
        Target.ratio(
            "ProfileKit verification vs nimbus DefaultJWTProcessor, same checks (reference)",
            "TokenVerificationBenchmark.profileKitVerify",
            "TokenVerificationBenchmark.nimbusDefaultProcessor",
            1.25,
            "Context: ProfileKit's stricter parsing on top of nimbus should cost little over the stock processor."),
        Target.ratio(
            "nimbus DefaultJWTProcessor vs bare RS256 verify (reference)",
            "TokenVerificationBenchmark.nimbusDefaultProcessor",
            "TokenVerificationBenchmark.jdkSignatureVerify",
            3.0,
            "Context for the verifier target: what the JOSE library alone costs over the signature check."),
        Target.absolute(
            "In-memory fake: getProfile of a stored profile (> 1M/s on one thread)",
            "InMemoryFakeBenchmark.getStoredProfile",
            1_000,
            "Application tests call the fake in tight loops; a read must cost well under a microsecond."),
        Target.absolute(
            "In-memory fake: updateProfile (reference: <= 10 us)",
            "InMemoryFakeBenchmark.updateProfile",
            10_000,
            "A patch validates, merges and bumps the version in memory: no reason to cost more than microseconds."),
        Target.absolute(
            "In-memory fake: creating a fresh fake (< 1 ms)",
            "InMemoryFakeBenchmark.createFake",
            1_000_000,
            "Tests create one fake per test method; it must be cheaper than the test's own work."),
        Target.ratio(
            "getProfile (stored) vs raw GetItem, dynalite (3 forks each, alternating, one dynalite)",
            "ProfileServiceBenchmark.getProfile",
            "ProfileServiceBenchmark.rawGetItem",
            1.15,
            "1 GetItem either way (asserted per iteration); ProfileKit's mapping must hide in the round trip."),
        Target.ratio(
            "updateProfile vs raw UpdateItem, dynalite (3 forks each, alternating, one dynalite)",
            "ProfileServiceBenchmark.updateProfile",
            "ProfileServiceBenchmark.rawUpdateItem",
            1.10,
            "1 UpdateItem either way (asserted per iteration), never a read-modify-write."),
        Target.ratio(
            "verifyAndUpdateProfile (token) vs raw UpdateItem with the same revocation condition, dynalite (reference; 3 forks each, alternating, one dynalite)",
            "ProfileServiceBenchmark.verifyAndUpdateProfile",
            "ProfileServiceBenchmark.rawConditionalUpdateItem",
            1.10,
            "Issue 15: a token and a patch cost 1 UpdateItem in all (asserted per iteration); the token comes from the verified-token cache and its revocation check is the write's condition."),
        Target.ratio(
            "getProfile vs raw GetItem, client side only (canned HTTP)",
            "ProfileServiceClientSideBenchmark.getProfile",
            "ProfileServiceClientSideBenchmark.rawGetItem",
            1.3,
            "Without the emulator's latency: item-to-profile mapping on top of the SDK's unmarshalling."),
        Target.ratio(
            "updateProfile vs raw UpdateItem, client side only (canned HTTP)",
            "ProfileServiceClientSideBenchmark.updateProfile",
            "ProfileServiceClientSideBenchmark.rawUpdateItem",
            1.2,
            "Without the emulator's latency: validation, expression building and mapping on top of the SDK."),
        Target.ratio(
            "Spring Boot example GET /me/profile (filters to JSON, MockMvc): ProfileKit's decoder vs stock NimbusJwtDecoder",
            "ProfileEndpointBenchmark.profileKitDecoder",
            "ProfileEndpointBenchmark.nimbusJwtDecoder",
            1.0,
            "Issue 14: the starter's stricter verification must not make a request slower than Spring's stock decoder (same app, token, profile)."),
        Target.ratio(
            "Same, ProfileKit's verified-token cache off vs stock NimbusJwtDecoder (reference)",
            "ProfileEndpointBenchmark.profileKitDecoderUncached",
            "ProfileEndpointBenchmark.nimbusJwtDecoder",
            1.10,
            "Context: with a signature check on every request, as the stock decoder does, ProfileKit's extra checks should stay small."));
  }
}
