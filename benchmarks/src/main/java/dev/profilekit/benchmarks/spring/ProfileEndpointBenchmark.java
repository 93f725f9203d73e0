package dev.profilekit.benchmarks.spring;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Spring Boot example's {@code GET /me/profile}, dispatched in process through the
 * application's servlet filters (Spring Security's chain), {@code DispatcherServlet}, controller and
 * JSON writer ({@link EndpointApp}), the same application, token and stored profile each time,
 * with the bearer token decoded by ProfileKit's verifier (default, and with its verified-token
 * cache off) or by Spring Security's stock {@code NimbusJwtDecoder}. Average time per request;
 * requests per second are its inverse. Each variant is its own application context in its own fork.
 */
@Fork(1)
// 20 s of warm-up: a request runs a few hundred framework methods, which C2 had not all compiled
// after 8 s on the shared 2-core machine.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProfileEndpointBenchmark {

  /** Creates the benchmark; JMH calls it. */
  public ProfileEndpointBenchmark() {}

  /** The application on ProfileKit's verifier as the starter uses it. */
  @State(Scope.Benchmark)
  public static class ProfileKitApp {
    EndpointApp app;

    /** Creates the state; JMH calls it. */
    public ProfileKitApp() {}

    /**
     * Starts the application and checks its path.
     *
     * @throws Exception if it does not start or answers wrongly
     */
    @Setup
    public void start() throws Exception {
      app = EndpointApp.start(Decoder.PROFILEKIT);
    }

    /** Stops it. */
    @TearDown
    public void stop() {
      app.close();
    }
  }

  /** The application on ProfileKit's verifier with the verified-token cache off. */
  @State(Scope.Benchmark)
  public static class ProfileKitUncachedApp {
    EndpointApp app;

    /** Creates the state; JMH calls it. */
    public ProfileKitUncachedApp() {}

    /**
     * Starts the application and checks its path.
     *
     * @throws Exception if it does not start or answers wrongly
     */
    @Setup
    public void start() throws Exception {
      app = EndpointApp.start(Decoder.PROFILEKIT_UNCACHED);
    }

    /** Stops it. */
    @TearDown
    public void stop() {
      app.close();
    }
  }

  /** The application on Spring Security's stock NimbusJwtDecoder. */
  @State(Scope.Benchmark)
  public static class NimbusApp {
    EndpointApp app;

    /** Creates the state; JMH calls it. */
    public NimbusApp() {}

    /**
     * Starts the application and checks its path.
     *
     * @throws Exception if it does not start or answers wrongly
     */
    @Setup
    public void start() throws Exception {
      app = EndpointApp.start(Decoder.NIMBUS);
    }

    /** Stops it. */
    @TearDown
    public void stop() {
      app.close();
    }
  }

  /**
   * One read with ProfileKit's decoder.
   *
   * @param state the application
   * @return the body length
   * @throws Exception if the dispatch fails
   */
  @Benchmark
  public int profileKitDecoder(ProfileKitApp state) throws Exception {
    return state.app.get();
  }

  /**
   * One read with ProfileKit's decoder, its verified-token cache off.
   *
   * @param state the application
   * @return the body length
   * @throws Exception if the dispatch fails
   */
  @Benchmark
  public int profileKitDecoderUncached(ProfileKitUncachedApp state) throws Exception {
    return state.app.get();
  }

  /**
   * One read with Spring Security's stock NimbusJwtDecoder.
   *
   * @param state the application
   * @return the body length
   * @throws Exception if the dispatch fails
   */
  @Benchmark
  public int nimbusJwtDecoder(NimbusApp state) throws Exception {
    return state.app.get();
  }
}
