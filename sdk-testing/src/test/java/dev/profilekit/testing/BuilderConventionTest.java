package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory service's builder fails as the AWS builders do: the setting's name and a shared rule. */
class BuilderConventionTest {

  @Test
  void aBadSettingIsAnInvalidRequestNamingIt() {
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().clock(null).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("clock");
          assertThat(e.rule()).isEqualTo("required");
        });
    assertThatThrownBy(() -> InMemoryUserProfileService.builder().idTokenLifetime(Duration.ZERO).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("idTokenLifetime");
          assertThat(e.rule()).isEqualTo("positive");
        });
  }
}
