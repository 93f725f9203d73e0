package dev.profilekit.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned npm manifest ({@code package.json} and {@code package-lock.json}, shipped in this jar)
 * installed with {@code npm ci} into a folder, on first use.
 *
 * <p>The folder is {@code -Dprofilekit.emulators.dir} when set (ProfileKit's own build points it at
 * the folder its {@code npm ci} step filled), else {@code ~/.cache/profilekit/emulators/<lock hash>},
 * so that every project on the machine shares one install per pinned version. A folder counts as
 * installed when it holds both emulators and the same lockfile as this jar; otherwise the manifest
 * is written there and {@code npm ci} runs, under a file lock, so parallel test JVMs install once.
 */
final class EmulatorInstall {

  /** System property naming the folder the emulators are (or get) installed in. */
  static final String EMULATORS_DIR_PROPERTY = "profilekit.emulators.dir";

  private static final String MANIFEST = "/dev/profilekit/emulators/npm/";
  private static final List<String> MANIFEST_FILES = List.of("package.json", "package-lock.json");
  private static final long INSTALL_TIMEOUT_MINUTES = 10;

  private EmulatorInstall() {}

  /**
   * Returns the folder holding {@code node_modules/dynalite} and {@code node_modules/cognito-local},
   * installing them there first if needed.
   *
   * @return the folder
   * @throws IllegalStateException when npm is missing or {@code npm ci} fails; the message says why
   */
  static Path emulatorsDir() {
    Path dir = configuredDir();
    if (upToDate(dir)) {
      return dir;
    }
    install(dir);
    return dir;
  }

  static Path configuredDir() {
    String configured = System.getProperty(EMULATORS_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    String hash = HexFormat.of().formatHex(sha256(manifest("package-lock.json"))).substring(0, 16);
    return Paths.get(System.getProperty("user.home"), ".cache", "profilekit", "emulators", hash);
  }

  static boolean upToDate(Path dir) {
    try {
      return Files.isRegularFile(dir.resolve("node_modules/dynalite/cli.js"))
          && Files.isRegularFile(dir.resolve("node_modules/cognito-local/lib/bin/start.js"))
          && Files.isRegularFile(dir.resolve("package-lock.json"))
          && Arrays.equals(Files.readAllBytes(dir.resolve("package-lock.json")), manifest("package-lock.json"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes the pinned manifest into {@code dir} and runs {@code npm ci} there, unless another
   * process did so while this one waited for the lock.
   *
   * @param dir the folder
   */
  static synchronized void install(Path dir) {
    try {
      Files.createDirectories(dir);
      try (FileChannel lockFile = FileChannel.open(dir.resolve(".profilekit-install.lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = lockFile.lock();
        try {
          if (upToDate(dir)) {
            return;
          }
          for (String file : MANIFEST_FILES) {
            Files.write(dir.resolve(file), manifest(file));
          }
          runNpmCi(dir);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install the ProfileKit emulators into " + dir, e);
    }
    if (!upToDate(dir)) {
      throw new IllegalStateException("npm ci in " + dir + " finished, but node_modules lacks dynalite or cognito-local");
    }
  }

  private static void runNpmCi(Path dir) throws IOException {
    String npm = NodeRuntime.npmExecutable();
    Path log = dir.resolve("npm-ci.log");
    Process process;
    try {
      process = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(NodeRuntime.missingNpmMessage(npm), e);
    }
    try {
      if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("npm ci in " + dir + " did not finish within " + INSTALL_TIMEOUT_MINUTES
            + " minutes; its output is in " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing the emulators into " + dir, e);
    }
    if (process.exitValue() != 0) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      throw new IllegalStateException("npm ci in " + dir + " failed with exit code " + process.exitValue()
          + " (it needs the npm registry, or an npm cache holding dynalite and cognito-local). Its output:\n"
          + (output.length() <= 4000 ? output : output.substring(output.length() - 4000)));
    }
  }

  /** Returns one file of the pinned manifest shipped in this jar. */
  static byte[] manifest(String file) {
    try (InputStream in = EmulatorInstall.class.getResourceAsStream(MANIFEST + file)) {
      if (in == null) {
        throw new IllegalStateException("The profilekit-emulators jar lacks " + MANIFEST + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + MANIFEST + file, e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
