package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lead's revocation rule: iat at or before the sign-out's second is revoked. */
class SignOutRuleTest {

  private static final Instant SIGNED_OUT = Instant.parse("2026-12-03T10:00:00.750Z");

  @Test
  void aTokenIssuedInTheSameSecondAsTheSignOutIsRevoked() {
    assertThat(SignOutRule.revokes(SIGNED_OUT, Instant.parse("2026-12-03T10:00:00Z"))).isTrue();
    // Even one whose iat, if it had milliseconds, would be after the sign-out.
    assertThat(SignOutRule.revokes(SIGNED_OUT, Instant.parse("2026-12-03T10:00:00.900Z"))).isTrue();
  }

  @Test
  void anEarlierTokenIsRevokedAndOneOfTheNextSecondIsNot() {
    assertThat(SignOutRule.revokes(SIGNED_OUT, Instant.parse("2026-12-03T09:59:59Z"))).isTrue();
    assertThat(SignOutRule.revokes(SIGNED_OUT, Instant.parse("2026-12-03T10:00:01Z"))).isFalse();
  }

  @Test
  void withoutASignOutNothingIsRevoked() {
    assertThat(SignOutRule.revokes(null, Instant.EPOCH)).isFalse();
  }
}
