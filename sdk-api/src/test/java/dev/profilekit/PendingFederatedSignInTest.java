package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PendingFederatedSignInTest {

  private static final String NONCE = "nonceValue0123456789abcdef";
  private static final String VERIFIER = "verifierValue0123456789abcdefghijklmnopqrstuvw";

  @Test
  void toStringMasksTheNonceInTheAuthorizationUriAndLeavesOutTheVerifier() {
    PendingFederatedSignIn pending = PendingFederatedSignIn.builder()
        .authorizationUri(URI.create("https://auth.example.com/oauth2/authorize?response_type=code&state=st4te&nonce="
            + NONCE + "&code_challenge=ch4llenge"))
        .redirectUri(URI.create("https://app.example.com/cb"))
        .providerName("Google")
        .state("st4te")
        .nonce(NONCE)
        .codeVerifier(VERIFIER)
        .build();

    assertThat(pending.toString())
        .doesNotContain(NONCE)
        .doesNotContain(VERIFIER)
        .contains("https://auth.example.com/oauth2/authorize?response_type=code&state=st4te&nonce=****&code_challenge=ch4llenge")
        .contains("providerName=Google");
  }
}
