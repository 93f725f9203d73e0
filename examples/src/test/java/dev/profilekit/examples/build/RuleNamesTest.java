package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One list of rule names (issue 17): the rule an {@code InvalidRequestException} or {@code
 * InvalidProfileException} carries is a constant of sdk-api's {@code RequestChecks}, never a string
 * written at the throw, so the fake and the AWS implementation cannot name one rule two ways.
 */
class RuleNamesTest {

  private static final Path ROOT = Path.of("..");
  /** A throw or check whose rule argument (the second) is a string literal. */
  private static final Pattern LITERAL_RULE = Pattern.compile(
      "(new Invalid(?:Request|Profile)Exception\\(|RequestChecks\\.check\\([^;]*?,)\\s*[^,;()]+(?:\\([^()]*\\))?,\\s*\"[a-z][a-z-]*\"");

  @Test
  void noLibrarySourceWritesARuleNameAsALiteral() throws IOException {
    List<String> literals = new ArrayList<>();
    int files = 0;
    for (String module : List.of("sdk-api", "sdk-testing", "sdk-aws", "sdk-spring-boot", "sdk-emulators")) {
      try (Stream<Path> paths = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          Matcher matcher = LITERAL_RULE.matcher(Files.readString(file));
          while (matcher.find()) {
            literals.add(ROOT.relativize(file) + ": " + matcher.group());
          }
        }
      }
    }

    assertThat(files).as("library sources read").isGreaterThan(100);
    assertThat(literals).as("rule names written as literals; add a RequestChecks constant").isEmpty();
  }

  @Test
  void thePatternFindsALiteralRule() {
    assertThat(LITERAL_RULE.matcher("throw new InvalidProfileException(field, \"max-depth\", \"...\")").find()).isTrue();
    assertThat(LITERAL_RULE.matcher("throw new InvalidRequestException(\"x\", RequestChecks.RANGE, \"...\")").find()).isFalse();
  }
}
