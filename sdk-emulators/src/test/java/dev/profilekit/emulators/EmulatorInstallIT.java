package dev.profilekit.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code npm ci} of the pinned manifest into an empty folder, as a consumer's first test run does. */
class EmulatorInstallIT {

  @Test
  void firstUseInstallsThePinnedEmulatorsAndASecondUseReusesThem(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("emulators");

    EmulatorInstall.install(target);

    assertThat(target.resolve("node_modules/dynalite/cli.js")).isRegularFile();
    assertThat(target.resolve("node_modules/cognito-local/lib/bin/start.js")).isRegularFile();
    assertThat(Files.readAllBytes(target.resolve("package-lock.json"))).isEqualTo(EmulatorInstall.manifest("package-lock.json"));
    assertThat(Files.readString(target.resolve("node_modules/dynalite/package.json"))).contains("\"version\": \"4.0.0\"");
    assertThat(Files.readString(target.resolve("node_modules/cognito-local/package.json"))).contains("\"version\": \"5.3.0\"");

    Files.delete(target.resolve("npm-ci.log"));
    EmulatorInstall.install(target);
    assertThat(target.resolve("npm-ci.log")).as("npm ci ran again on an up-to-date folder").doesNotExist();
  }
}
