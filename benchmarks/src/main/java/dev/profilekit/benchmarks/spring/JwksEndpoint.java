package dev.profilekit.benchmarks.spring;

import com.sun.net.httpserver.HttpServer;
import dev.profilekit.testing.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The user pool's key endpoint on loopback, serving the test key set both decoders fetch (each
 * once, then from its cache), and counting requests so set-up can tell that a decoder fetched.
 */
final class JwksEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  JwksEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] keys = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
    server.createContext("/jwks.json", exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, keys.length);
        exchange.getResponseBody().write(keys);
      }
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
