package dev.profilekit.aws.backfill.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();

  private RateLimiter limiter(double perSecond) {
    return new RateLimiter(perSecond, () -> now, nanos -> {
      sleeps.add(nanos);
      now += nanos;
    });
  }

  @Test
  void callsBackToBackAreSpacedByOneIntervalWithoutBurst() throws Exception {
    RateLimiter limiter = limiter(5);

    for (int i = 0; i < 4; i++) {
      limiter.acquire();
    }

    assertThat(sleeps).containsExactly(200_000_000L, 200_000_000L, 200_000_000L);
  }

  @Test
  void callAfterALongPauseDoesNotWaitAndDoesNotEarnABurst() throws Exception {
    RateLimiter limiter = limiter(2);
    limiter.acquire();
    now += 10_000_000_000L;

    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(500_000_000L);
  }

  @Test
  void callPartWayThroughAnIntervalWaitsOnlyTheRest() throws Exception {
    RateLimiter limiter = limiter(10);
    limiter.acquire();
    now += 40_000_000L;

    limiter.acquire();

    assertThat(sleeps).containsExactly(60_000_000L);
  }

  @Test
  void nonPositiveRateIsRefused() {
    assertThatThrownBy(() -> new RateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
