package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Builders fail one way (docs/decisions.md): a value type built without its required values is an
 * {@link InvalidRequestException} naming them with rule {@code required}, as a service builder
 * without a required setting is; not Immutables' default {@code IllegalStateException}.
 */
class BuilderConventionTest {

  @Test
  void aValueTypeWithoutItsRequiredValuesIsAnInvalidRequestNamingThem() {
    assertThatThrownBy(() -> UserProfile.builder().build()).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).isEqualTo("userId, source");
      assertThat(e.rule()).isEqualTo("required");
    });
    assertThatThrownBy(() -> LinkedIdentity.builder().build()).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.rule()).isEqualTo("required"));
  }

  @Test
  void aPolicyBuilderRefusesABadNameTheSameWay() {
    assertThatThrownBy(() -> ProfilePolicy.builder().adminOnlyCustomField("Bad-Name")).isInstanceOf(InvalidRequestException.class);
  }
}
