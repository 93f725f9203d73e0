package dev.profilekit.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One emulator running as a Node.js child process on a loopback port: started, probed over HTTP
 * until it answers, and stopped with its whole process tree.
 *
 * <p>Output goes to a log file in the emulator's own temporary folder (an unread pipe would fill
 * up and block the emulator); its tail is quoted when the emulator fails to start.
 */
public final class NodeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).version(HttpClient.Version.HTTP_1_1).build();

  private final String name;
  private final Process process;
  private final Path workDir;
  private final Path log;
  private URI endpoint;

  private NodeProcess(String name, Process process, Path workDir, Path log, URI endpoint) {
    this.name = name;
    this.process = process;
    this.workDir = workDir;
    this.log = log;
    this.endpoint = endpoint;
  }

  /**
   * Starts {@code node script args...} and waits until {@code probePath} answers with a status
   * accepted by {@code ready}.
   *
   * <p>Another process can take a free port between our choosing it and the emulator binding it,
   * and would then answer the probe. So the emulator's own "listening" line must appear in its
   * output first: {@code listeningLine} matches it, and its group 1, if any, is the port the
   * emulator actually bound (which lets an emulator accept port 0 and pick one itself).
   *
   * @param name the emulator's name, for messages
   * @param script the JavaScript entry point
   * @param args arguments after the script; {@code {PORT}} is replaced by the chosen port
   * @param env extra environment; {@code {PORT}} in values is replaced by the chosen port
   * @param listeningLine matches the line the emulator prints once it listens
   * @param probePath the HTTP path polled until ready
   * @param ready which HTTP status counts as ready
   * @return the running emulator
   */
  static NodeProcess start(
      String name, Path script, List<String> args, Map<String, String> env, Pattern listeningLine,
      String probePath, IntPredicate ready) {
    return start(name, script, args, env, dir -> { }, listeningLine, probePath, ready);
  }

  /**
   * Starts an emulator like {@link #start(String, Path, List, Map, Pattern, String, IntPredicate)},
   * after {@code prepare} has written what it needs into the new working folder.
   *
   * @param name the emulator's name, for messages
   * @param script the JavaScript entry point
   * @param args arguments after the script
   * @param env extra environment
   * @param prepare fills the working folder (configuration files) before the start
   * @param listeningLine matches the line the emulator prints once it listens
   * @param probePath the HTTP path polled until ready
   * @param ready which HTTP status counts as ready
   * @return the running emulator
   */
  static NodeProcess start(
      String name, Path script, List<String> args, Map<String, String> env, Consumer<Path> prepare,
      Pattern listeningLine, String probePath, IntPredicate ready) {
    String node = NodeRuntime.nodeExecutable();
    IllegalStateException last = null;
    // A free port can be taken by someone else between choosing and binding it: try a few.
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = FreePorts.pick();
      Path workDir;
      try {
        workDir = Files.createTempDirectory("profilekit-" + name + "-");
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create a temporary folder for " + name, e);
      }
      prepare.accept(workDir);
      List<String> command = new ArrayList<>();
      command.add(node);
      command.add(script.toString());
      args.forEach(a -> command.add(a.replace("{PORT}", Integer.toString(port))));
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
      Path log = workDir.resolve(name + ".log");
      builder.redirectOutput(log.toFile());
      env.forEach((k, v) -> builder.environment().put(k, v.replace("{PORT}", Integer.toString(port))));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException(NodeRuntime.missingNodeMessage(node), e);
      }
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      NodeProcess started = new NodeProcess(name, process, workDir, log, endpoint);
      try {
        started.awaitReady(listeningLine, probePath, ready);
        return started;
      } catch (IllegalStateException e) {
        started.close();
        last = e;
      }
    }
    throw last;
  }

  private void awaitReady(Pattern listeningLine, String probePath, IntPredicate ready) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest request = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + " before answering. Its output:\n" + logTail());
      }
      if (request == null) {
        Matcher listening = listeningLine.matcher(logTail());
        if (listening.find()) {
          if (listening.groupCount() >= 1 && listening.group(1) != null) {
            endpoint = URI.create("http://127.0.0.1:" + listening.group(1));
          }
          request = HttpRequest.newBuilder(endpoint.resolve(probePath)).timeout(Duration.ofSeconds(2)).GET().build();
        }
      }
      if (request == null) {
        pause();
        continue;
      }
      try {
        HttpResponse<Void> response = PROBE.send(request, HttpResponse.BodyHandlers.discarding());
        if (ready.test(response.statusCode())) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      pause();
    }
    throw new IllegalStateException(
        name + " did not answer " + probePath + " within " + START_TIMEOUT.toSeconds() + " s. Its output:\n" + logTail());
  }

  private void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + name, e);
    }
  }

  /**
   * Returns the emulator's base URL, {@code http://127.0.0.1:<port>}.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns the emulator's working folder (cognito-local keeps its state in {@code .cognito}).
   *
   * @return the folder
   */
  public Path workDir() {
    return workDir;
  }

  /**
   * Returns the last lines of the emulator's output, for failure messages.
   *
   * @return up to 4000 characters of output
   */
  public String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Stops the emulator and every process it started, then deletes its folder. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteRecursively(workDir);
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp folder is harmless.
    }
  }

  @Override
  public String toString() {
    return name + "@" + endpoint;
  }
}
