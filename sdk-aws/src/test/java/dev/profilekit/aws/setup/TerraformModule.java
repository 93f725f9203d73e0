package dev.profilekit.aws.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Terraform module in {@code docs/terraform} as text, block by block: enough to check
 * what the SDK relies on (scopes, attribute mappings, IAM actions, the provider pin) without the
 * AWS provider, which cannot be downloaded in the build. {@code terraform fmt -check} checks the
 * syntax where Terraform is installed (see docs/setup.md).
 */
public final class TerraformModule {

  static final Path DIRECTORY = Path.of("..", "docs", "terraform");

  private TerraformModule() {}

  public static String file(String name) {
    try {
      return Files.readString(DIRECTORY.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("docs/terraform/" + name + " is missing", e);
    }
  }

  /**
   * Returns the body of the first block that starts with {@code header} (for example {@code
   * resource "aws_cognito_identity_provider" "apple"}), braces balanced, without comments.
   */
  public static String block(String text, String header) {
    int start = text.indexOf(header);
    if (start < 0) {
      throw new AssertionError("no block " + header);
    }
    int open = text.indexOf('{', start);
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(open + 1, i).replaceAll("(?m)#.*$", "");
      }
    }
    throw new AssertionError("unbalanced block " + header);
  }

  /** Returns the {@code key = "value"} pairs of a map argument such as {@code attribute_mapping}. */
  public static Map<String, String> stringMap(String body, String argument) {
    String map = block(body, argument + " = ");
    Map<String, String> entries = new LinkedHashMap<>();
    Matcher entry = Pattern.compile("(?m)^\\s*([A-Za-z_:]+)\\s*=\\s*\"([^\"]*)\"").matcher(map);
    while (entry.find()) {
      entries.put(entry.group(1), entry.group(2));
    }
    return entries;
  }
}
