package dev.profilekit.aws.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an emulator that injects faults on a {@link FaultSchedule}:
 * connection resets, stalls, latency and AWS-shaped error answers, each either before the request
 * reaches the emulator or after the emulator applied it. Plain {@code java.net} sockets; it reads
 * each HTTP/1.1 request whole (so a fault strikes one request, not a byte offset), and gives every
 * client connection its own upstream connection, as keep-alive clients expect.
 *
 * <p>Every request is logged as an {@link Exchange}: its operation, body, fault and the status the
 * emulator answered (if it was forwarded), which tells a test how many writes the emulator really
 * applied, whatever the client was told.
 *
 * <p>A stall holds its connection until {@link #releaseStalls()}, {@link #reset()} or {@link
 * #close()} (or, as a safety net, {@link #STALL_LIMIT_SECONDS}): a client that returns while {@link
 * #stallsHeld()} is still above zero was ended by its own timeout, not by the stall.
 */
final class FaultProxy implements AutoCloseable {

  /** The longest a stall holds its connection if nobody releases it. */
  static final int STALL_LIMIT_SECONDS = 180;

  /** One request as the proxy handled it. */
  static final class Exchange {
    private final int index;
    private final String operation;
    private final String requestBody;
    private final Fault fault;
    private volatile int upstreamStatus;

    private Exchange(int index, String operation, String requestBody, Fault fault) {
      this.index = index;
      this.operation = operation;
      this.requestBody = requestBody;
      this.fault = fault;
    }

    int index() {
      return index;
    }

    String operation() {
      return operation;
    }

    String requestBody() {
      return requestBody;
    }

    Fault fault() {
      return fault;
    }

    /** The status the emulator answered, or 0 if the request was not forwarded (or not answered). */
    int upstreamStatus() {
      return upstreamStatus;
    }

    /** Whether the emulator answered 200: for a write, that it was applied. */
    boolean applied() {
      return upstreamStatus == 200;
    }

    @Override
    public String toString() {
      return "#" + index + " " + operation + " " + fault + " -> " + (upstreamStatus == 0 ? "not forwarded" : upstreamStatus);
    }
  }

  private final URI upstream;
  private final ServerSocket server;
  private final ExecutorService threads;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();
  private final AtomicInteger stallsHeld = new AtomicInteger();
  private final AtomicInteger stallsStarted = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile CountDownLatch stallRelease = new CountDownLatch(1);
  private FaultSchedule schedule = FaultSchedule.none();
  private int requests;
  private volatile boolean closed;

  private FaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fault-proxy-" + upstream.getPort());
      thread.setDaemon(true);
      return thread;
    });
    threads.execute(this::accept);
  }

  /**
   * Starts a proxy on a free loopback port that passes everything until given a schedule.
   *
   * @param upstream the emulator's endpoint, {@code http://127.0.0.1:<port>}
   * @return the running proxy
   */
  static FaultProxy to(URI upstream) {
    try {
      return new FaultProxy(upstream);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the fault proxy", e);
    }
  }

  /** The endpoint clients use instead of the emulator's. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Replaces the schedule; request numbering goes on. */
  synchronized FaultProxy schedule(FaultSchedule next) {
    this.schedule = Objects.requireNonNull(next);
    return this;
  }

  /** The requests handled so far, in arrival order. */
  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The requests handled so far of one operation. */
  List<Exchange> exchanges(String operation) {
    return exchanges().stream().filter(e -> e.operation().equals(operation)).toList();
  }

  /** Forgets the logged requests (numbering goes on). */
  synchronized void clearExchanges() {
    exchanges.clear();
  }

  /** How many stalled connections are held now. */
  int stallsHeld() {
    return stallsHeld.get();
  }

  /** How many stalls have begun. */
  int stallsStarted() {
    return stallsStarted.get();
  }

  /** How many client connections were accepted. */
  int connections() {
    return connections.get();
  }

  /** Lets every held stall end (its connection is then closed); later stalls hold again. */
  void releaseStalls() {
    CountDownLatch release = stallRelease;
    stallRelease = new CountDownLatch(1);
    release.countDown();
  }

  /**
   * Makes the proxy pass everything again and lets every held stall end: the clean-up after each
   * test when one proxy serves several (a class's tests, a parameterised test's rows). Without it
   * the next test would meet what is left of the last one's schedule (a schedule counts requests
   * from the proxy's first, and numbering goes on), and a connection a stall still holds would keep
   * its thread and sockets for up to {@link #STALL_LIMIT_SECONDS}. The schedule is cleared before
   * the stalls are released, so a client that resends at once is passed. The log is kept: a test
   * clears it ({@link #clearExchanges()}) when it starts.
   */
  void reset() {
    schedule(FaultSchedule.none());
    releaseStalls();
  }

  @Override
  public void close() {
    closed = true;
    releaseStalls();
    try {
      server.close();
    } catch (IOException e) {
      // Closing a listening socket only frees the port.
    }
    synchronized (open) {
      open.forEach(FaultProxy::closeQuietly);
      open.clear();
    }
    threads.shutdownNow();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        track(client);
        threads.execute(() -> relay(client));
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException("the fault proxy stopped accepting", e);
        }
      }
    }
  }

  private void relay(Socket client) {
    Socket upstreamSocket = null;
    try {
      InputStream fromClient = client.getInputStream();
      OutputStream toClient = client.getOutputStream();
      while (!closed) {
        Optional<HttpMessage> read = HttpMessage.readRequest(fromClient);
        if (read.isEmpty()) {
          return;
        }
        HttpMessage request = read.get();
        Exchange exchange = log(request);
        Fault fault = exchange.fault();
        switch (fault.kind()) {
          case RESET_BEFORE_FORWARDING -> {
            reset(client);
            return;
          }
          case STALL_BEFORE_FORWARDING -> {
            hold();
            return;
          }
          case ANSWER -> {
            toClient.write(HttpMessage.jsonResponse(fault.status(), fault.body(), "fault-proxy-" + exchange.index()));
            toClient.flush();
            continue;
          }
          case LATENCY -> Thread.sleep(fault.latency().toMillis());
          default -> {
            // forwarded below
          }
        }
        if (upstreamSocket == null || upstreamSocket.isClosed()) {
          upstreamSocket = new Socket();
          upstreamSocket.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 5_000);
          track(upstreamSocket);
        }
        upstreamSocket.getOutputStream().write(request.raw());
        upstreamSocket.getOutputStream().flush();
        HttpMessage response = HttpMessage.readResponse(upstreamSocket.getInputStream());
        exchange.upstreamStatus = response.status();
        switch (fault.kind()) {
          case RESET_AFTER_APPLIED -> {
            reset(client);
            return;
          }
          case TRUNCATED_AFTER_APPLIED -> {
            toClient.write(response.raw(), 0, response.raw().length / 2);
            toClient.flush();
            reset(client);
            return;
          }
          case STALL_AFTER_APPLIED -> {
            hold();
            return;
          }
          case ANSWER_AFTER_APPLIED -> toClient.write(
              HttpMessage.jsonResponse(fault.status(), fault.body(), "fault-proxy-" + exchange.index()));
          default -> toClient.write(response.raw());
        }
        toClient.flush();
        if (response.closesConnection()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (its timeout) or a reset was injected: the connection is done.
    } finally {
      closeQuietly(client);
      if (upstreamSocket != null) {
        closeQuietly(upstreamSocket);
      }
    }
  }

  private synchronized Exchange log(HttpMessage request) {
    int index = requests++;
    String operation = request.operation();
    Exchange exchange = new Exchange(index, operation, request.body(), schedule.next(index, operation));
    exchanges.add(exchange);
    return exchange;
  }

  private void hold() throws InterruptedException {
    CountDownLatch release = stallRelease;
    stallsStarted.incrementAndGet();
    stallsHeld.incrementAndGet();
    try {
      release.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
    } finally {
      stallsHeld.decrementAndGet();
    }
  }

  private void track(Socket socket) {
    synchronized (open) {
      open.removeIf(Socket::isClosed);
      open.add(socket);
    }
  }

  /** Closes with SO_LINGER 0, so the peer gets a TCP RST rather than an orderly end of stream. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException e) {
      // Already closed: nothing to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do about a socket that will not close.
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + endpoint() + " -> " + upstream + "]";
  }
}
