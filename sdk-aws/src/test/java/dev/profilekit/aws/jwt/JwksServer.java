package dev.profilekit.aws.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user pool's JWKS endpoint on loopback that counts requests and can be switched to fail with
 * HTTP 500 or to hang (so the client's read timeout fires).
 */
final class JwksServer implements AutoCloseable {

  enum Mode {
    SERVE,
    FAIL_500,
    HANG
  }

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile String jwks;
  private volatile Mode mode = Mode.SERVE;

  JwksServer(String jwks) throws IOException {
    this.jwks = jwks;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/local_Jwks";
  }

  URI jwksUri() {
    return URI.create(issuer() + "/.well-known/jwks.json");
  }

  int requests() {
    return requests.get();
  }

  void serve(String newJwks) {
    this.jwks = newJwks;
    this.mode = Mode.SERVE;
  }

  void mode(Mode newMode) {
    this.mode = newMode;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/local_Jwks/.well-known/jwks.json")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      switch (mode) {
        case FAIL_500 -> exchange.sendResponseHeaders(500, -1);
        case HANG -> {
          try {
            // Held until close(); the client's read timeout ends the wait on its side.
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(500, -1);
        }
        case SERVE -> {
          byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
