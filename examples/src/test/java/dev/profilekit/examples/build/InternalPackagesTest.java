package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Internals stay internal (issue 17, docs/decisions.md): a consumer module that requires
 * ProfileKit's modules compiles against their public packages, and does not compile when it names
 * a type of {@code dev.profilekit.internal} (the rules the fake and the AWS implementation share),
 * {@code dev.profilekit.testing.internal} or an {@code dev.profilekit.aws.*.internal} package.
 */
class InternalPackagesTest {

  private static final String MODULE = "module consumer {\n  requires dev.profilekit.api;\n  requires dev.profilekit.testing;\n"
      + "  requires dev.profilekit.aws;\n}\n";

  @Test
  void aConsumerModuleCompilesAgainstThePublicPackages(@TempDir Path dir) throws Exception {
    List<String> errors = compile(dir, "import dev.profilekit.UserProfile;\nimport dev.profilekit.testing.InMemoryUserProfileService;\n"
        + "import dev.profilekit.aws.AwsUserProfileService;\n\nfinal class Consumer {\n"
        + "  Object[] types = {UserProfile.class, InMemoryUserProfileService.class, AwsUserProfileService.class};\n}\n");

    assertThat(errors).isEmpty();
  }

  @Test
  void aConsumerModuleNamingAnInternalTypeDoesNotCompile(@TempDir Path dir) throws Exception {
    for (String internal : List.of("dev.profilekit.internal.ItemSize", "dev.profilekit.internal.SignOutRule",
        "dev.profilekit.testing.internal.ProfileStore", "dev.profilekit.aws.jwt.internal.TokenParts",
        "dev.profilekit.aws.dynamodb.internal.ProfileItemCodec", "dev.profilekit.aws.dynamodb.internal.ProfileStore",
        "dev.profilekit.aws.dynamodb.internal.StoredItem", "dev.profilekit.aws.cognito.internal.CognitoAuth",
        "dev.profilekit.aws.cognito.internal.AuthOutcome", "dev.profilekit.aws.cognito.internal.CognitoTokens",
        "dev.profilekit.aws.cognito.internal.CognitoUser", "dev.profilekit.aws.cognito.internal.CognitoOperation")) {
      Path sources = Files.createDirectories(dir.resolve(internal.replace('.', '_')));
      List<String> errors = compile(sources, "final class Consumer {\n  Object type = " + internal + ".class;\n}\n");

      String pkg = internal.substring(0, internal.lastIndexOf('.'));
      assertThat(errors).as(internal).anyMatch(error -> error.contains(pkg) && error.contains("not visible"));
    }
  }

  /** Compiles module {@code consumer} with one class; returns javac's errors. */
  private static List<String> compile(Path dir, String consumerClass) throws Exception {
    Path source = dir.resolve("src/consumer/Consumer.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package consumer;\n\n" + consumerClass);
    Path moduleInfo = dir.resolve("src/module-info.java");
    Files.writeString(moduleInfo, MODULE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("--release", "17", "-proc:none", "--module-path", String.join(File.pathSeparator, modulePath()),
          "-d", dir.resolve("classes").toString());
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(moduleInfo, source)).call();
    }
    List<String> errors = new ArrayList<>();
    diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .forEach(d -> errors.add(d.getMessage(null)));
    return errors;
  }

  /**
   * ProfileKit's modules (module directories in the reactor, jars elsewhere) and what they require,
   * from this module's test class path; the rest of it (Jazzer's two jars share a package, for one)
   * would not form a valid module path, and the consumer needs none of it.
   */
  private static List<String> modulePath() {
    List<String> needed = List.of("profilekit", "/software/amazon/awssdk/", "/org/reactivestreams/", "/junit-jupiter-api-",
        "/junit-jupiter-params-", "/junit-platform-commons-", "/opentest4j-", "/apiguardian-", "/assertj-core-", "/byte-buddy-",
        "/nimbus-jose-jwt-", "/slf4j-api-");
    List<String> path = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> entry.replace(File.separatorChar, '/'))
        .filter(entry -> needed.stream().anyMatch(entry::contains))
        .filter(entry -> entry.endsWith(".jar") || Files.exists(Path.of(entry, "module-info.class")))
        .toList();
    assertThat(path).as("ProfileKit's modules on the path").anyMatch(entry -> entry.contains("sdk-api"));
    return path;
  }
}
