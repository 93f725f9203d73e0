package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A standing clock moves only when told; a ticking one follows the system clock plus what was added. */
class TestClockTest {

  @Test
  void aStandingClockMovesOnlyWhenTold() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    TestClock clock = TestClock.at(start);

    assertThat(clock.instant()).isEqualTo(start);
    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(start.plusSeconds(300));
    clock.set(start);
    assertThat(clock.instant()).isEqualTo(start);
  }

  @Test
  void aTickingClockFollowsTheSystemClockPlusTheAdvance() {
    TestClock clock = TestClock.ticking();
    Instant before = Instant.now();

    Instant moved = clock.advance(Duration.ofHours(25));

    assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofHours(25)));
    assertThat(clock.instant()).isAfterOrEqualTo(moved);
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isBetween(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T01:00:00Z"));
  }

  @Test
  void aClockInAnotherZoneSharesTheInstant() {
    TestClock clock = TestClock.startingNow();
    java.time.Clock paris = clock.withZone(java.time.ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofDays(1));

    assertThat(paris.instant()).isEqualTo(clock.instant());
  }
}
