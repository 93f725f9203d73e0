package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a consumer's class the way a strict downstream build does ({@code -Xlint:all -Werror},
 * Immutables not on its class path, since ProfileKit declares it {@code provided}) against every
 * Immutables-generated value type ProfileKit publishes: javac must print nothing. It printed 12
 * "Cannot find annotation method 'from()' in type 'org.immutables.value.Generated'" warnings
 * while the generated classes carried that annotation.
 */
class ConsumerCompileTest {

  @Test
  void aStrictConsumerBuildSeesNoWarningFromProfileKitsValueTypes(@TempDir Path dir) throws Exception {
    List<String> classPath = consumerClassPath();
    List<String> builders = valueTypesWithBuilders(classPath);
    assertThat(builders).as("value types found on the class path")
        .contains("dev.profilekit.UserProfile", "dev.profilekit.ProfileUpdate", "dev.profilekit.aws.backfill.BackfillSummary");

    Path source = dir.resolve("src/consumer/Consumer.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package consumer;\n\nfinal class Consumer {\n  static Object[] builders() {\n"
        + "    return new Object[] {\n"
        + builders.stream().map(type -> "      " + type + ".builder().build(),\n").collect(Collectors.joining())
        + "    };\n  }\n}\n");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
          "-classpath", String.join(File.pathSeparator, classPath), "-d", dir.resolve("classes").toString());
      boolean compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();

      List<String> messages = diagnostics.getDiagnostics().stream()
          .map(d -> d.getKind() + ": " + d.getMessage(null)).toList();
      assertThat(messages).as("javac's output for a consumer of %d value types", builders.size()).isEmpty();
      assertThat(compiled).isTrue();
      assertThat(diagnostics.getDiagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING);
    }
  }

  /** This module's test class path without Immutables, as a consumer's build has it. */
  private static List<String> consumerClassPath() {
    List<String> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("immutables"))
        .toList();
    assertThat(entries).noneMatch(entry -> entry.contains("org/immutables"));
    return entries;
  }

  /** Every published abstract value type (its Immutables class is {@code Immutable<Name>}) that has {@code builder()}. */
  private static List<String> valueTypesWithBuilders(List<String> classPath) throws ClassNotFoundException {
    TreeSet<String> generated = new TreeSet<>();
    for (String entry : classPath) {
      Path path = Path.of(entry);
      if (!path.toString().contains("profilekit")) {
        continue;
      }
      generated.addAll(Files.isDirectory(path) ? generatedIn(path) : generatedInJar(path));
    }
    List<String> types = new ArrayList<>();
    for (String immutable : generated) {
      String abstractType = immutable.replaceFirst("\\.Immutable([A-Z]\\w*)$", ".$1");
      Class<?> type;
      try {
        type = Class.forName(abstractType, false, ConsumerCompileTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        continue;
      }
      if (!Modifier.isPublic(type.getModifiers()) || type.getPackageName().contains("internal")) {
        continue;
      }
      for (Method method : type.getMethods()) {
        if (method.getName().equals("builder") && method.getParameterCount() == 0 && Modifier.isStatic(method.getModifiers())) {
          types.add(abstractType);
          break;
        }
      }
    }
    return types;
  }

  private static List<String> generatedIn(Path classes) {
    try (Stream<Path> paths = Files.walk(classes)) {
      return paths.map(p -> classes.relativize(p).toString().replace(File.separatorChar, '/'))
          .filter(ConsumerCompileTest::isGeneratedTopLevel)
          .map(ConsumerCompileTest::className)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> generatedInJar(Path jar) {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (isGeneratedTopLevel(name)) {
          names.add(className(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static boolean isGeneratedTopLevel(String path) {
    return path.startsWith("dev/profilekit/") && path.matches(".*/Immutable[A-Z]\\w*\\.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
