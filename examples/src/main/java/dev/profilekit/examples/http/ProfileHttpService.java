package dev.profilekit.examples.http;

import com.sun.net.httpserver.HttpServer;
import dev.profilekit.UserProfileService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small profile service on the JDK's built-in HTTP server: {@code GET /me/profile}, {@code PATCH
 * /me/profile} and {@code GET /healthz}, authenticated by the bearer token of a signed-in user.
 *
 * <p>No web framework: the JDK's {@code com.sun.net.httpserver} is enough to show the whole
 * contract, and nimbus's {@code JSONObjectUtils} (already on the classpath for JWTs) reads and
 * writes the JSON. The responses:
 *
 * <ul>
 *   <li>200 with the profile as JSON and {@code ETag: "<version>"};
 *   <li>{@code PATCH} takes a merge-patch-like body (a field with a value sets it, {@code null}
 *       removes it; {@code preferences} and {@code customFields} are objects) and {@code If-Match:
 *       "<version>"}; a stale version gives 412;
 *   <li>401 with {@code WWW-Authenticate: Bearer ...} for a missing or rejected token ({@code
 *       error="invalid_token"} and the reason);
 *   <li>403 when the body writes an admin-only field such as {@code subscription};
 *   <li>400 naming the field and the rule for invalid input or a body that is not a JSON object;
 *   <li>404 for unknown paths, 405 (with {@code Allow}) for other methods, 413 beyond the body
 *       limit, 415 for other content types, 503 when the backend is throttled or down.
 * </ul>
 *
 * <p>The service it is given is not closed by {@link #close()}: whoever built it owns it.
 */
public final class ProfileHttpService implements AutoCloseable {

  /** The default limit on a request body, in bytes: twice what a profile update may encode to. */
  public static final int DEFAULT_MAX_BODY_BYTES = 128 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;

  private ProfileHttpService(Builder builder) throws IOException {
    server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(builder.threads, task -> {
      Thread thread = new Thread(task, "profile-http-" + threads.incrementAndGet());
      thread.setDaemon(builder.daemonThreads);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", new ProfileRoutes(builder.service, builder.maxBodyBytes, builder.log));
    server.start();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the port the service listens on (useful after binding port 0).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the base URI of the service, such as {@code http://127.0.0.1:8080}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /**
   * Stops at once: closes the port and open connections, then waits up to five seconds for
   * requests already being handled to finish.
   */
  @Override
  public void close() {
    // stop(n > 0) would wait the full n seconds whenever a client keeps an idle connection open.
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the service on the backend chosen by {@code --emulators} or {@code --aws} (default: the
   * in-memory service); {@code --port N} picks the port (default 8080). On the local backends it
   * signs up a user and prints {@code curl} commands that work at once.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    HttpMain.run(args, System.out);
  }

  /** Builds and starts a {@link ProfileHttpService}; only {@link #service} is required. */
  public static final class Builder {
    private UserProfileService service;
    private String host = "127.0.0.1";
    private int port = 8080;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int threads = 4;
    private boolean daemonThreads;
    private PrintStream log = System.err;

    private Builder() {}

    /**
     * Sets the ProfileKit service that verifies tokens and stores profiles.
     *
     * @param service the service
     * @return this builder
     */
    public Builder service(UserProfileService service) {
      this.service = service;
      return this;
    }

    /**
     * Sets the address to bind; loopback by default so a demo is not reachable from the network.
     *
     * @param host a host name or address
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * Sets the port; {@code 0} picks a free one (see {@link ProfileHttpService#port()}).
     *
     * @param port 0 to 65535, default 8080
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the largest request body accepted; larger bodies get 413 without being read in full.
     *
     * @param maxBodyBytes 1 byte to 1 MiB, default {@link #DEFAULT_MAX_BODY_BYTES}
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets how many requests are handled at once.
     *
     * @param threads 1 to 256, default 4
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Makes the request threads daemon threads, so a test JVM can exit without closing the service.
     *
     * @param daemonThreads true for daemon threads (default false: the server keeps a program alive)
     * @return this builder
     */
    public Builder daemonThreads(boolean daemonThreads) {
      this.daemonThreads = daemonThreads;
      return this;
    }

    /**
     * Sets where unexpected failures are logged (their type only, never request data).
     *
     * @param log the stream, default {@code System.err}
     * @return this builder
     */
    public Builder log(PrintStream log) {
      this.log = log;
      return this;
    }

    /**
     * Checks the settings, binds the port and starts serving.
     *
     * @return the running service
     * @throws IllegalStateException if the service is missing
     * @throws IllegalArgumentException if a setting is out of range
     * @throws UncheckedIOException if the port cannot be bound
     */
    public ProfileHttpService build() {
      if (service == null) {
        throw new IllegalStateException("service is required");
      }
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(log, "log");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535");
      }
      if (maxBodyBytes < 1 || maxBodyBytes > 1024 * 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be 1 to 1048576");
      }
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be 1 to 256");
      }
      try {
        return new ProfileHttpService(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
      }
    }
  }
}
