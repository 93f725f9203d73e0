package dev.profilekit.aws.emulators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRuntimeTest {

  @Test
  void missingNodeModulesFailWithTheCommandToRun(@TempDir Path empty) {
    String previous = System.getProperty(NodeRuntime.EMULATORS_DIR_PROPERTY);
    System.setProperty(NodeRuntime.EMULATORS_DIR_PROPERTY, empty.toString());
    try {
      assertThatThrownBy(NodeRuntime::emulatorsDir)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not installed")
          .hasMessageContaining("mvn verify")
          .hasMessageContaining("npm ci");
    } finally {
      restore(NodeRuntime.EMULATORS_DIR_PROPERTY, previous);
    }
  }

  @Test
  void missingNodeFailsWithAnInstallHint(@TempDir Path dir) {
    String previous = System.getProperty(NodeRuntime.NODE_PROPERTY);
    System.setProperty(NodeRuntime.NODE_PROPERTY, dir.resolve("no-such-node").toString());
    try {
      assertThatThrownBy(() -> NodeProcess.start(
          "probe", dir.resolve("x.js"), List.of(), Map.of(), Pattern.compile("x"), "/", s -> true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("need Node.js")
          .hasMessageContaining("no-such-node");
    } finally {
      restore(NodeRuntime.NODE_PROPERTY, previous);
    }
  }

  private static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }
}
