package dev.profilekit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README promises what a newcomer's first command prints: this diffs the demo's output against
 * the README's transcript, line by line, with only the random user ids masked. (That Maven adds no
 * terminal codes around that output is {@code MavenConsoleOutputTest}'s part.)
 */
class ReadmeTranscriptTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String USER_ID = "user [0-9a-f]{8}\\.\\.\\.";

  @Test
  void theReadmesFirstCommandIsTheDemoAndItsSecondTheFullBuild() throws IOException {
    List<String> commands = block(readme(), "```sh").stream()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .toList();

    assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
    assertThat(commands.get(0)).isEqualTo("mvn -B -q -Pdemo package");
    assertThat(commands.get(1)).isEqualTo("mvn -B verify");
  }

  @Test
  void theDemosOutputDiffsCleanlyAgainstTheReadmeTranscript() throws IOException {
    String readme = readme();
    String section = readme.substring(readme.indexOf("## What the demo prints"));
    List<String> transcript = masked(block(section, "```text"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = Demo.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).as("every line ends with a newline, nothing follows").endsWith("\n").doesNotContain("\u001b");
    assertThat(masked(printed.lines().toList())).containsExactlyElementsOf(transcript);
  }

  private static List<String> masked(List<String> lines) {
    return lines.stream().map(line -> line.replaceAll(USER_ID, "user <id>...")).toList();
  }

  /** The lines of the first fenced block that opens with {@code fence} in {@code text}. */
  private static List<String> block(String text, String fence) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : text.lines().toList()) {
      if (!inside && line.equals(fence)) {
        inside = true;
      } else if (inside && line.equals("```")) {
        return lines;
      } else if (inside) {
        lines.add(line);
      }
    }
    throw new AssertionError("README.md has no closed " + fence + " block");
  }

  private static String readme() throws IOException {
    assertThat(README).as("README.md of the repository (tests run in the examples folder)").isRegularFile();
    return Files.readString(README);
  }
}
