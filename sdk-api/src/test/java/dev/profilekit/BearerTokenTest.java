package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

  @ParameterizedTest
  @ValueSource(strings = {"Bearer eyJ.abc-_~+/.sig==", "bearer eyJ.abc-_~+/.sig==", "BEARER eyJ.abc-_~+/.sig=="})
  void theSchemeIsCaseInsensitive(String header) {
    assertThat(BearerToken.parse(header)).isEqualTo("eyJ.abc-_~+/.sig==");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer  eyJ.a.b", "Bearer eyJ.a.b ", "Bearer eyJ.a.b\t", "Bearer\teyJ.a.b", " Bearer eyJ.a.b",
      "Bearer ", "Bearer", "Basic dXNlcjpwYXNz", "Bearereyj.a.b", "Bearer eyJ.a.b, Bearer other", "Bearer a=b",
      "Bearer eyJ.a.b\r\nX-Forged: 1", "Token eyJ.a.b"})
  void anythingButOneSpaceAndAB64TokenIsBearerSyntaxWithoutTheHeaderInTheMessage(String header) {
    assertThatThrownBy(() -> BearerToken.parse(header))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("authorization");
          assertThat(e.rule()).isEqualTo("bearer-syntax");
        })
        .hasMessageNotContaining("eyJ").hasMessageNotContaining("dXNlcjpwYXNz");
  }

  @ParameterizedTest
  @ValueSource(strings = {""})
  void anAbsentHeaderIsRequired(String header) {
    assertThatThrownBy(() -> BearerToken.parse(header))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
    assertThatThrownBy(() -> BearerToken.parse(null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("required"));
  }
}
