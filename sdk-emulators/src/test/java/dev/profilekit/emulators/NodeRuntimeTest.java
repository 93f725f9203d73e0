package dev.profilekit.emulators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRuntimeTest {

  @Test
  void missingNodeFailsWithAnInstallHint(@TempDir Path dir) {
    String previous = System.getProperty(NodeRuntime.NODE_PROPERTY);
    System.setProperty(NodeRuntime.NODE_PROPERTY, dir.resolve("no-such-node").toString());
    try {
      assertThatThrownBy(() -> NodeProcess.start(
          "probe", dir.resolve("x.js"), List.of(), Map.of(), Pattern.compile("x"), "/", s -> true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("need Node.js 20 or newer")
          .hasMessageContaining("no-such-node");
    } finally {
      SystemProperties.restore(NodeRuntime.NODE_PROPERTY, previous);
    }
  }
}
