package dev.profilekit.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * ProfileKit's Micrometer meters: {@code profilekit.verify} (bearer-token verifications, tagged
 * {@code outcome}: {@code ok}, {@code unavailable} or the rejection reason such as {@code
 * expired}), {@code profilekit.profile.read} and {@code profilekit.profile.write} (tagged {@code
 * operation} and {@code outcome}: {@code ok} or the exception's simple name), and the counter
 * {@code profilekit.jwks.fetch} of the verifier's key set fetches (tagged {@code outcome}: {@code
 * ok} or {@code failed}).
 */
final class ProfileKitMetrics implements VerificationTimer {

  static final String VERIFY = "profilekit.verify";
  static final String READ = "profilekit.profile.read";
  static final String WRITE = "profilekit.profile.write";
  static final String JWKS_FETCH = "profilekit.jwks.fetch";

  private final MeterRegistry registry;
  // Timer lookups by name and tags are not free; there are few distinct outcomes, so keep them.
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter fetched;
  private final Counter fetchFailed;

  ProfileKitMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fetched = keySetFetches("ok");
    this.fetchFailed = keySetFetches("failed");
  }

  private Counter keySetFetches(String outcome) {
    return Counter.builder(JWKS_FETCH).tag("outcome", outcome)
        .description("Requests of the user pool's key set (JWKS) by the token verifier").register(registry);
  }

  /**
   * Counts one request of a key set; the verifier's {@code KeySetFetchListener}.
   *
   * @param issuer the pool (not a tag: an application has one or a few, and the count is the point)
   * @param succeeded whether a key set was read
   */
  void keySetFetched(String issuer, boolean succeeded) {
    (succeeded ? fetched : fetchFailed).increment();
  }

  @Override
  public void record(long nanos, String outcome) {
    timer(VERIFY, "verify", outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  void recordProfile(String name, String operation, long nanos, String outcome) {
    timer(name, operation, outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String name, String operation, String outcome) {
    return timers.computeIfAbsent(name + '|' + operation + '|' + outcome, key -> {
      Timer.Builder builder = Timer.builder(name).tag("outcome", outcome);
      if (!name.equals(VERIFY)) {
        builder.tag("operation", operation);
      }
      return builder.register(registry);
    });
  }
}
