package dev.profilekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendTest {

  @Test
  void noSwitchMeansTheInMemoryService() {
    assertThat(Backend.fromArguments()).isEqualTo(Backend.IN_MEMORY);
    assertThat(Backend.fromArguments("", "  ")).isEqualTo(Backend.IN_MEMORY);
  }

  @Test
  void switchesPickEmulatorsOrAws() {
    assertThat(Backend.fromArguments("--emulators")).isEqualTo(Backend.EMULATORS);
    assertThat(Backend.fromArguments("--port", "9090", "--AWS")).isEqualTo(Backend.AWS);
  }

  @Test
  void bothSwitchesAreRefused() {
    assertThatThrownBy(() -> Backend.fromArguments("--emulators", "--aws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose one");
  }

  @Test
  void remainingArgumentsLeaveOutTheSwitchesAndBlanks() {
    assertThat(Backend.remainingArguments("--emulators", "", "--port", "9090")).containsExactly("--port", "9090");
  }
}
