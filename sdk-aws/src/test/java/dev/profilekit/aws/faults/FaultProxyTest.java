package dev.profilekit.aws.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy itself, in front of a JDK HTTP server that counts what reaches it and answers with a
 * fixed length ({@code /fixed}) or in chunks ({@code /chunked}): each fault does to the request
 * and the answer what its name says, and the log says which requests reached the server.
 */
class FaultProxyTest {

  private final AtomicInteger received = new AtomicInteger();
  private HttpServer upstream;
  private FaultProxy proxy;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext("/", exchange -> {
      received.incrementAndGet();
      byte[] body = ("{\"got\":\"" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      // Length 0 makes the JDK server send chunks.
      exchange.sendResponseHeaders(200, exchange.getRequestURI().getPath().equals("/chunked") ? 0 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    upstream.start();
    proxy = FaultProxy.to(java.net.URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.stop(0);
  }

  private HttpResponse<String> post(String path, String operation, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(proxy.endpoint().resolve(path))
        .header("X-Amz-Target", "Test_1." + operation)
        .timeout(Duration.ofSeconds(2))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void passingRequestsAreRelayedUnchangedWhateverTheFraming() throws Exception {
    assertThat(post("/fixed", "Put", "a").body()).isEqualTo("{\"got\":\"a\"}");
    assertThat(post("/chunked", "Put", "b").body()).isEqualTo("{\"got\":\"b\"}");
    assertThat(post("/fixed", "Put", "c").statusCode()).isEqualTo(200);

    assertThat(received).hasValue(3);
    assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::operation).containsExactly("Put", "Put", "Put");
    assertThat(proxy.exchanges()).allMatch(FaultProxy.Exchange::applied);
    assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::requestBody).containsExactly("a", "b", "c");
  }

  @Test
  void aResetBeforeForwardingNeverReachesTheServer() {
    proxy.schedule(FaultSchedule.always(Fault.resetBeforeForwarding()));

    assertThatThrownBy(() -> post("/fixed", "Put", "x")).isInstanceOf(IOException.class);

    assertThat(received).hasValue(0);
    assertThat(proxy.exchanges()).singleElement().satisfies(e -> assertThat(e.upstreamStatus()).isZero());
  }

  @Test
  void aResetAfterTheServerAnsweredLosesOnlyTheAnswer() {
    proxy.schedule(FaultSchedule.always(Fault.resetAfterApplied()));

    assertThatThrownBy(() -> post("/fixed", "Put", "x")).isInstanceOf(IOException.class);

    assertThat(received).hasValue(1);
    assertThat(proxy.exchanges()).singleElement().satisfies(e -> assertThat(e.applied()).isTrue());
  }

  @Test
  void aTruncatedAnswerFailsTheClientAfterTheServerApplied() {
    proxy.schedule(FaultSchedule.always(Fault.truncatedAfterApplied()));

    assertThatThrownBy(() -> post("/chunked", "Put", "x")).isInstanceOf(IOException.class);

    assertThat(received).hasValue(1);
  }

  @Test
  void anAnswerReplacesTheServerBeforeOrAfterIt() throws Exception {
    proxy.schedule(FaultSchedule.onOperation("Put",
        Fault.answer(AwsError.DYNAMODB_SERVICE_UNAVAILABLE), Fault.answerAfterApplied(AwsError.DYNAMODB_INTERNAL_SERVER_ERROR)));

    HttpResponse<String> before = post("/fixed", "Put", "x");
    HttpResponse<String> after = post("/fixed", "Put", "y");
    HttpResponse<String> then = post("/fixed", "Put", "z");

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).contains("com.amazonaws.dynamodb.v20120810#ServiceUnavailable");
    assertThat(before.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(after.statusCode()).isEqualTo(500);
    assertThat(then.body()).isEqualTo("{\"got\":\"z\"}");
    assertThat(received).hasValue(2);
    assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::applied).containsExactly(false, true, true);
  }

  @Test
  void aStallHoldsTheConnectionUntilReleasedSoOnlyTheClientsTimeoutEndsTheCall() {
    proxy.schedule(FaultSchedule.onOperation("Put", Fault.stallBeforeForwarding(), Fault.stallAfterApplied()));

    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/fixed"))
        .header("X-Amz-Target", "Test_1.Put").timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(proxy.stallsHeld()).isEqualTo(1);
    assertThat(received).hasValue(0);

    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/fixed"))
        .header("X-Amz-Target", "Test_1.Put").timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString("y")).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(received).hasValue(1);
    assertThat(proxy.stallsStarted()).isEqualTo(2);

    proxy.releaseStalls();
  }

  @Test
  void resetPassesTheNextRequestAndEndsTheHeldStalls() throws Exception {
    proxy.schedule(FaultSchedule.always(Fault.stallBeforeForwarding()));
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/fixed"))
        .header("X-Amz-Target", "Test_1.Put").timeout(Duration.ofMillis(300))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(proxy.stallsHeld()).isEqualTo(1);

    proxy.reset();

    // The schedule is gone: the next request reaches the server, on the same proxy.
    assertThat(post("/fixed", "Put", "y").body()).isEqualTo("{\"got\":\"y\"}");
    assertThat(received).hasValue(1);
    assertThat(proxy.exchanges()).extracting(e -> e.fault().kind()).containsExactly(Fault.Kind.STALL_BEFORE_FORWARDING, Fault.Kind.PASS);
    // The released stall's thread ends on its own; this waits for that state, it does not time it.
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (proxy.stallsHeld() > 0 && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
    }
    assertThat(proxy.stallsHeld()).as("stalls held after reset").isZero();
  }

  @Test
  void latencyDelaysButDelivers() throws Exception {
    proxy.schedule(FaultSchedule.always(Fault.latency(Duration.ofMillis(50))));

    assertThat(post("/fixed", "Get", "x").body()).isEqualTo("{\"got\":\"x\"}");
    assertThat(proxy.exchanges()).singleElement().satisfies(e -> assertThat(e.fault().kind()).isEqualTo(Fault.Kind.LATENCY));
  }

  @Test
  void cyclesGoRoundEachOperationsFaultsInOrder() {
    FaultSchedule schedule = FaultSchedule.cycles(java.util.Map.of("Put", java.util.List.of(Fault.pass(), Fault.resetAfterApplied())));

    assertThat(java.util.List.of(schedule.next(0, "Put"), schedule.next(1, "Get"), schedule.next(2, "Put"), schedule.next(3, "Put")))
        .extracting(Fault::kind)
        .containsExactly(Fault.Kind.PASS, Fault.Kind.PASS, Fault.Kind.RESET_AFTER_APPLIED, Fault.Kind.PASS);
  }
}
