package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.TokenRejectedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshRotationTest {

  @Test
  void aRefreshedSessionHoldsTheReplacementWhenThereIsOne() {
    assertThat(RefreshRotation.refreshTokenAfter("old", Optional.of("new"))).isEqualTo("new");
  }

  @Test
  void withoutAReplacementTheSessionKeepsThePresentedToken() {
    assertThat(RefreshRotation.refreshTokenAfter("old", Optional.empty())).isEqualTo("old");
    assertThat(RefreshRotation.refreshTokenAfter("old", Optional.of(""))).isEqualTo("old");
  }

  @Test
  void aReusedTokenIsRevokedAndTheMessageCarriesTheDetailOnly() {
    TokenRejectedException reused = RefreshRotation.reused(" (RefreshTokenReuseException, HTTP 400)");

    assertThat(reused.reason()).isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(reused).hasMessageContaining("already used once").hasMessageEndingWith("(RefreshTokenReuseException, HTTP 400)");
    assertThat(RefreshRotation.reused(null)).hasMessageEndingWith("sign in again");
  }
}
