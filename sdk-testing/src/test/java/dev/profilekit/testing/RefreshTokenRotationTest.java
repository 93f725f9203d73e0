package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fake's refresh token rotation ({@code refreshTokenRotation(true)}), driven by a {@link TestClock}. */
class RefreshTokenRotationTest {

  private final TestClock clock = TestClock.startingNow();

  private InMemoryUserProfileService fake(boolean rotate) {
    return InMemoryUserProfileService.builder().clock(clock).refreshTokenLifetime(Duration.ofDays(1))
        .refreshTokenRotation(rotate).build();
  }

  @Test
  void rotationIsOffByDefault() {
    InMemoryUserProfileService fake = InMemoryUserProfileService.create();
    AuthSession session = fake.seed(TestUsers.email("ada@example.com")).signIn();

    assertThat(fake.settings().refreshTokenRotation()).isFalse();
    assertThat(fake.refresh(session).refreshToken()).isEqualTo(session.refreshToken());
  }

  @Test
  void aReplacedRefreshTokenIsRefusedAsRevokedWithTheRotationMessage() {
    InMemoryUserProfileService fake = fake(true);
    AuthSession session = fake.seed(TestUsers.email("ada@example.com")).signIn();
    AuthSession refreshed = fake.refresh(session);

    TokenRejectedException refused = catchThrowableOfType(TokenRejectedException.class, () -> fake.refresh(session));

    assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
    assertThat(refused).hasMessageContaining("already used once").hasMessageNotContaining(session.refreshToken().orElseThrow());
    assertThat(fake.refresh(refreshed).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  void theReplacementExpiresWhenTheSignInsRefreshTokenWouldHave() {
    InMemoryUserProfileService fake = fake(true);
    AuthSession session = fake.seed(TestUsers.email("ada@example.com")).signIn();
    clock.advance(Duration.ofHours(23));
    AuthSession refreshed = fake.refresh(session);

    clock.advance(Duration.ofHours(1));

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> fake.refresh(refreshed)).reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void ofConcurrentRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
    InMemoryUserProfileService fake = fake(true);
    AuthSession session = fake.seed(TestUsers.email("ada@example.com")).signIn();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<CompletableFuture<Boolean>> refreshes = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
          fake.refresh(session);
          return true;
        } catch (TokenRejectedException e) {
          assertThat(e.reason()).isEqualTo(Reason.REVOKED);
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }, pool)).toList();
      start.countDown();

      assertThat(refreshes.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signOutEverywhereRevokesTheReplacement() {
    InMemoryUserProfileService fake = fake(true);
    AuthSession session = fake.seed(TestUsers.email("ada@example.com")).signIn();
    AuthSession refreshed = fake.refresh(session);

    fake.signOutEverywhere(refreshed);

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> fake.refresh(refreshed)).reason()).isEqualTo(Reason.REVOKED);
  }
}
