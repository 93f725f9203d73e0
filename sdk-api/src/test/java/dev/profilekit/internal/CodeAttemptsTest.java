package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeAttemptsTest {

  private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

  @Test
  void fiveFailuresAreFreeThenTheLockoutDoublesFromOneSecondUpToFifteenMinutes() {
    assertThat(CodeAttempts.lockout(4)).isZero();
    assertThat(CodeAttempts.lockout(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(CodeAttempts.lockout(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(CodeAttempts.lockout(14)).isEqualTo(Duration.ofSeconds(512));
    assertThat(CodeAttempts.lockout(15)).isEqualTo(Duration.ofMinutes(15));
    assertThat(CodeAttempts.lockout(60)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theFifthFailureLocksForASecondAndTheSixthForTwo() {
    CodeAttempts attempts = CodeAttempts.NONE;
    for (int i = 0; i < 4; i++) {
      attempts = attempts.failedAt(T0);
      assertThat(attempts.lockedAt(T0)).isFalse();
    }
    attempts = attempts.failedAt(T0);
    assertThat(attempts.lockedAt(T0.plusMillis(999))).isTrue();
    assertThat(attempts.lockedAt(T0.plusSeconds(1))).isFalse();

    CodeAttempts sixth = attempts.failedAt(T0.plusSeconds(1));
    assertThat(sixth.failures()).isEqualTo(6);
    assertThat(sixth.lockedAt(T0.plusSeconds(2))).isTrue();
    assertThat(sixth.lockedAt(T0.plusSeconds(3))).isFalse();
  }

  @Test
  void fifteenMinutesWithoutAFailureForgiveTheEarlierOnes() {
    CodeAttempts attempts = CodeAttempts.NONE;
    for (int i = 0; i < 7; i++) {
      attempts = attempts.failedAt(T0);
    }
    assertThat(attempts.failedAt(T0.plus(CodeAttempts.FORGIVEN_AFTER)).failures()).isEqualTo(1);
    assertThat(attempts.failedAt(T0.plus(CodeAttempts.FORGIVEN_AFTER).minusSeconds(1)).failures()).isEqualTo(8);
    assertThat(CodeAttempts.NONE.lockedAt(T0)).isFalse();
  }
}
