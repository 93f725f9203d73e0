import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fails the build when test output addresses its reader with instructions instead of stating facts
 * about the tests.
 *
 * <p>Why it exists: jqwik 1.10.1 printed, on every test run, a line telling "AI agents" to disregard
 * previous instructions and ignore all jqwik results. Test output is read by people and by tools;
 * text in it that tries to change what its reader does is a defect of the dependency that printed
 * it, so the build refuses it. The parent POM runs this single-file program (no dependencies,
 * {@code java TestOutputCheck.java DIR...}) in the {@code verify} phase of every module over its
 * Surefire reports; Surefire writes each test class's output to a {@code -output.txt} file there
 * ({@code redirectTestOutputToFile}), including what an engine prints outside any test.
 *
 * <p>Exit status 0: nothing found (a missing directory counts as nothing). 1: a phrase was found;
 * every hit is listed on standard error with its file and line. 2: bad arguments.
 */
public final class TestOutputCheck {

  /** Matched case-insensitively, with runs of white space counted as one space. */
  static final List<String> PHRASES = List.of(
      "disregard previous instructions",
      "disregard all previous instructions",
      "ignore previous instructions",
      "ignore all previous instructions",
      "if you are an ai agent");

  private TestOutputCheck() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: java TestOutputCheck.java REPORT_DIR...");
      System.exit(2);
    }
    List<String> hits = new ArrayList<>();
    for (String dir : args) {
      hits.addAll(scan(Path.of(dir)));
    }
    if (!hits.isEmpty()) {
      System.err.println("Test output contains text that instructs its reader (" + hits.size() + " hit(s)):");
      hits.forEach(hit -> System.err.println("  " + hit));
      System.err.println("Test output must state facts about the tests. Find the dependency or test that printed it"
          + " (see build-tools/TestOutputCheck.java); if these reports are left over from an earlier run,"
          + " delete the target folder and build again.");
      System.exit(1);
    }
  }

  /** Every hit under {@code dir}, as {@code file:line: phrase}; empty when {@code dir} does not exist. */
  static List<String> scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        hits.addAll(scanFile(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  private static List<String> scanFile(Path file) throws IOException {
    // Decoding replaces malformed bytes instead of failing: a binary or mis-encoded report is still read.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    String[] lines = text.split("\\R", -1);
    List<String> hits = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      // The next line is joined on so a phrase that a report wrapped over two lines is still found.
      String window = normalise(lines[i] + (i + 1 < lines.length ? " " + lines[i + 1] : ""));
      String line = normalise(lines[i]);
      for (String phrase : PHRASES) {
        int at = window.indexOf(phrase);
        // A phrase wholly on the next line is reported there, not twice.
        if (at >= 0 && at < line.length()) {
          hits.add(file + ":" + (i + 1) + ": \"" + phrase + "\"");
        }
      }
    }
    return hits;
  }

  private static String normalise(String text) {
    return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
