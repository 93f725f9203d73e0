package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Facts the documentation states in more than one place say the same thing everywhere. */
class DocsAgreeTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern NODE_VERSION = Pattern.compile("Node(?:\\.js)? (\\d+)");

  @Test
  void everyMentionOfTheNodeVersionSaysTwenty() throws IOException {
    List<String> mentions = new ArrayList<>();
    for (Path file : docsAndSources()) {
      Matcher matcher = NODE_VERSION.matcher(Files.readString(file));
      while (matcher.find()) {
        mentions.add(ROOT.relativize(file) + ": " + matcher.group());
      }
    }

    assertThat(mentions).isNotEmpty().allSatisfy(mention -> assertThat(mention).endsWith("Node.js 20"));
  }

  @Test
  void theFakesListingOrderIsDocumentedAsNoPromise() throws IOException {
    String api = Files.readString(ROOT.resolve("sdk-api/src/main/java/dev/profilekit/ProfileAdmin.java"));
    String testing = Files.readString(ROOT.resolve("docs/testing.md"));

    assertThat(api).contains("in no particular order");
    assertThat(testing.replace('\n', ' ')).contains("`ProfileAdmin` promises no particular order").doesNotContain("pages in user id order with");
  }

  private static List<Path> docsAndSources() {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    for (String dir : List.of("docs", "sdk-api/src", "sdk-aws/src", "sdk-testing/src", "sdk-emulators/src", "examples/src")) {
      try (Stream<Path> paths = Files.walk(ROOT.resolve(dir))) {
        paths.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".java"))
            .filter(p -> !p.endsWith("DocsAgreeTest.java"))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
