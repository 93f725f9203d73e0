package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The staleness bound and local writes of {@link RevocationCache}, with a clock moved by hand. */
class RevocationCacheTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ADA = "11111111-1111-4111-8111-111111111111";

  private final MutableClock clock = new MutableClock(T0);
  /** What the table holds; every lookup is counted. */
  private final AtomicReference<UserRevocations> table = new AtomicReference<>(UserRevocations.none());
  private final List<String> lookups = new ArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final TokenRevocations source = new TokenRevocations() {
    @Override
    public Optional<Instant> tokensValidAfter(String userId) {
      return revocationsOf(userId).tokensValidAfter();
    }

    @Override
    public UserRevocations revocationsOf(String userId) {
      lookups.add(userId);
      if (failure.get() != null) {
        throw failure.get();
      }
      return table.get();
    }
  };

  private RevocationCache cache(Duration staleness) {
    return RevocationCache.builder().source(source).staleness(staleness).clock(clock).build();
  }

  @Test
  void anAnswerIsReusedWithinTheBoundAndLookedUpAgainFromIt() {
    RevocationCache cache = cache(Duration.ofSeconds(5));

    cache.revocationsOf(ADA);
    clock.advance(Duration.ofMillis(4_999));
    cache.revocationsOf(ADA);
    assertThat(lookups).hasSize(1);

    clock.advance(Duration.ofMillis(1));
    cache.revocationsOf(ADA);
    assertThat(lookups).hasSize(2);
  }

  @Test
  void aRevocationWrittenElsewhereIsSeenOnceTheBoundHasPassed() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).isEmpty();

    table.set(UserRevocations.signedOutAt(T0));
    clock.advance(Duration.ofSeconds(4));
    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).as("stale within the bound").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).contains(T0);
  }

  @Test
  void aRevocationWrittenHereIsSeenAtOnceWithoutALookup() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    cache.revocationsOf(ADA);

    cache.recordLocally(ADA, UserRevocations.signedOutAt(T0));
    cache.recordLocally(ADA, UserRevocations.sessionRevoked("session-1", T0.plusSeconds(3600)));

    UserRevocations seen = cache.revocationsOf(ADA);
    assertThat(seen.tokensValidAfter()).contains(T0);
    assertThat(seen.revokedSessions()).containsOnlyKeys("session-1");
    assertThat(lookups).hasSize(1);
  }

  @Test
  void aLocalWriteSurvivesALookupThatStartedBeforeIt() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    // Nothing cached: the write leaves a note; the next lookup reads a table that (as a read
    // racing with the write could) does not show the write yet, and the note still holds.
    cache.recordLocally(ADA, UserRevocations.signedOutAt(T0));

    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).contains(T0);
    assertThat(lookups).hasSize(1);
    // And a refresh carrying an older answer (getProfile's read) does not undo it either.
    cache.refresh(ADA, UserRevocations.none(), clock.instant());
    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).contains(T0);
  }

  @Test
  void theLaterSignOutWinsAndExpiredSessionRecordsAreDropped() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    table.set(new UserRevocations(Optional.of(T0.plusSeconds(10)), Map.of("old", T0.plusSeconds(2))));
    cache.revocationsOf(ADA);

    clock.advance(Duration.ofSeconds(3));
    cache.recordLocally(ADA, UserRevocations.signedOutAt(T0));

    UserRevocations seen = cache.revocationsOf(ADA);
    assertThat(seen.tokensValidAfter()).contains(T0.plusSeconds(10));
    assertThat(seen.revokedSessions()).isEmpty();
  }

  @Test
  void aFailedLookupIsNeverAnsweredFromAnExpiredEntry() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    cache.revocationsOf(ADA);
    clock.advance(Duration.ofSeconds(5));
    failure.set(new ServiceUnavailableException("table down", null));

    assertThatThrownBy(() -> cache.revocationsOf(ADA)).isSameAs(failure.get());
  }

  @Test
  void aRefreshFromAProfileReadSavesTheNextLookup() {
    RevocationCache cache = cache(Duration.ofSeconds(5));

    cache.refresh(ADA, UserRevocations.signedOutAt(T0), clock.instant());

    assertThat(cache.revocationsOf(ADA).tokensValidAfter()).contains(T0);
    assertThat(lookups).isEmpty();
  }

  @Test
  void zeroStalenessLooksUpEveryTime() {
    RevocationCache cache = cache(Duration.ZERO);

    cache.revocationsOf(ADA);
    cache.revocationsOf(ADA);

    assertThat(lookups).hasSize(2);
  }

  @Test
  void aClockThatWentBackCountsAsStale() {
    RevocationCache cache = cache(Duration.ofSeconds(5));
    cache.revocationsOf(ADA);
    clock.set(T0.minusSeconds(1));

    cache.revocationsOf(ADA);

    assertThat(lookups).hasSize(2);
  }

  @Test
  void whenFullAnswersAreServedButNotKeptUntilEntriesExpire() {
    RevocationCache cache = RevocationCache.builder().source(source).clock(clock).maxEntries(1).build();
    cache.revocationsOf(ADA);
    cache.revocationsOf("other");
    cache.revocationsOf("other");
    assertThat(lookups).containsExactly(ADA, "other", "other");

    clock.advance(Duration.ofSeconds(5));
    cache.revocationsOf("other");
    cache.revocationsOf("other");
    assertThat(lookups).containsExactly(ADA, "other", "other", "other");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> RevocationCache.builder().build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("source");
    assertThatThrownBy(() -> RevocationCache.builder().source(source).staleness(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("staleness");
    assertThatThrownBy(() -> RevocationCache.builder().source(source).staleness(Duration.ofHours(2)).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("staleness");
    assertThatThrownBy(() -> RevocationCache.builder().source(source).maxEntries(0).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxEntries");
    assertThat(RevocationCache.builder().source(source).build().staleness()).isEqualTo(Duration.ofSeconds(5));
  }
}
