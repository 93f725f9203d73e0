package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FederatedCallbackTest {

  @Test
  void aMalformedPercentEscapeIsATypedErrorThatDoesNotQuoteTheQuery() {
    assertThatThrownBy(() -> FederatedCallback.fromQuery("state=s&code=secretCode%zz"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("callback");
          assertThat(e.rule()).isEqualTo("percent-encoding");
        })
        .hasMessageNotContaining("secretCode");
  }

  @Test
  void aTruncatedPercentEscapeIsATypedError() {
    assertThatThrownBy(() -> FederatedCallback.fromQuery("code=abc%4")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aNullUriIsATypedError() {
    assertThatThrownBy(() -> FederatedCallback.fromUri(null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("callbackUri"));
  }

  @Test
  void aWellFormedQueryIsDecodedAndTheFirstStateWins() {
    FederatedCallback callback = FederatedCallback.fromQuery("code=a%2Bb&state=first&state=second");

    assertThat(callback.code()).contains("a+b");
    assertThat(callback.state()).contains("first");
  }
}
