package dev.profilekit.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorInstallTest {

  @Test
  void theJarShipsThePinnedManifest() {
    String packageJson = new String(EmulatorInstall.manifest("package.json"), java.nio.charset.StandardCharsets.UTF_8);
    String lock = new String(EmulatorInstall.manifest("package-lock.json"), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(packageJson).contains("\"dynalite\": \"4.0.0\"").contains("\"cognito-local\": \"5.3.0\"");
    assertThat(lock).contains("node_modules/dynalite").contains("node_modules/cognito-local").contains("\"integrity\"");
  }

  @Test
  void withoutTheBuildsFolderTheInstallGoesToAPerVersionUserCache() {
    String previous = System.getProperty(EmulatorInstall.EMULATORS_DIR_PROPERTY);
    System.clearProperty(EmulatorInstall.EMULATORS_DIR_PROPERTY);
    try {
      Path dir = EmulatorInstall.configuredDir();

      assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "profilekit", "emulators"));
      assertThat(dir.getFileName().toString()).matches("[0-9a-f]{16}");
    } finally {
      SystemProperties.restore(EmulatorInstall.EMULATORS_DIR_PROPERTY, previous);
    }
  }

  @Test
  void aFolderWithAnotherLockfileIsNotUpToDate(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("node_modules/dynalite"));
    Files.createDirectories(dir.resolve("node_modules/cognito-local/lib/bin"));
    Files.writeString(dir.resolve("node_modules/dynalite/cli.js"), "");
    Files.writeString(dir.resolve("node_modules/cognito-local/lib/bin/start.js"), "");
    Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\":3,\"packages\":{}}");

    assertThat(EmulatorInstall.upToDate(dir)).isFalse();

    Files.write(dir.resolve("package-lock.json"), EmulatorInstall.manifest("package-lock.json"));
    assertThat(EmulatorInstall.upToDate(dir)).isTrue();
  }

  @Test
  void missingNpmFailsWithAnInstallHintAndWritesOnlyTheManifest(@TempDir Path dir) {
    String previous = System.getProperty(NodeRuntime.NPM_PROPERTY);
    System.setProperty(NodeRuntime.NPM_PROPERTY, dir.resolve("no-such-npm").toString());
    try {
      assertThatThrownBy(() -> EmulatorInstall.install(dir.resolve("emulators")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs npm")
          .hasMessageContaining("Node.js 20 or newer")
          .hasMessageContaining("no-such-npm");
      assertThat(dir.resolve("emulators/package-lock.json")).exists();
      assertThat(dir.resolve("emulators/node_modules")).doesNotExist();
    } finally {
      SystemProperties.restore(NodeRuntime.NPM_PROPERTY, previous);
    }
  }
}
