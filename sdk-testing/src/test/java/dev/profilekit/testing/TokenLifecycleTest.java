package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry, refresh and revocation of the fake's tokens, driven by a {@link TestClock}. */
class TokenLifecycleTest {

  private final TestClock clock = TestClock.startingNow();
  private InMemoryUserProfileService fake;
  private SeededUser ada;

  @BeforeEach
  void setUp() {
    fake = InMemoryUserProfileService.builder().clock(clock).refreshTokenLifetime(Duration.ofDays(1)).build();
    ada = fake.seed(TestUsers.email("ada@example.com").givenName("Ada"));
  }

  @Test
  void aTokenIsAcceptedUntilJustBeforeItsExpiry() {
    AuthSession session = ada.signIn();
    clock.advance(Duration.ofHours(1).minusSeconds(1));

    assertThat(fake.verify(session.idToken()).userId()).isEqualTo(ada.userId());
  }

  @Test
  void aTokenIsRejectedAsExpiredAtItsExpiryInstant() {
    AuthSession session = ada.signIn();
    clock.advance(Duration.ofHours(1));

    assertReason(() -> fake.verify(session.idToken()), Reason.EXPIRED);
    assertReason(() -> fake.verify(session.accessToken()), Reason.EXPIRED);
  }

  @Test
  void aSessionExpiresWhenItsIdTokenDoes() {
    AuthSession session = ada.signIn();

    assertThat(session.expiresAt()).isEqualTo(fake.verify(session.idToken()).expiresAt());
  }

  @Test
  void refreshAfterExpiryGivesAcceptedTokensWithTheOriginalAuthTime() {
    AuthSession session = ada.signIn();
    clock.advance(Duration.ofHours(2));

    AuthSession refreshed = fake.refresh(session);

    assertThat(fake.verify(refreshed.idToken()).authTime()).isEqualTo(session.user().authTime());
    assertThat(fake.verify(refreshed.accessToken()).issuedAt()).isEqualTo(clock.instant());
  }

  @Test
  void anExpiredRefreshTokenIsRejectedAsExpired() {
    AuthSession session = ada.signIn();
    clock.advance(Duration.ofDays(1));

    assertReason(() -> fake.refresh(session), Reason.EXPIRED);
  }

  @Test
  void signOutRevokesTheRefreshTokenAndTheSessionsIssuedTokensButNotANewSignIn() {
    AuthSession session = ada.signIn();

    fake.signOut(session);

    assertReason(() -> fake.refresh(session), Reason.REVOKED);
    assertReason(() -> fake.verify(session.accessToken()), Reason.REVOKED);
    assertThat(fake.verify(ada.signIn().accessToken()).userId()).isEqualTo(ada.userId());
  }

  @Test
  void signingOutASessionWhoseAccessTokenExpiredStillRevokesItsRefreshToken() {
    AuthSession session = ada.signIn();
    clock.advance(Duration.ofHours(2));

    fake.signOut(session);

    assertReason(() -> fake.refresh(session), Reason.REVOKED);
  }

  @Test
  void signOutEverywhereRejectsEarlierTokensAndAcceptsTokensIssuedAfterTheNextSecond() {
    AuthSession before = ada.signIn();
    clock.advance(Duration.ofMillis(400));

    fake.signOutEverywhere(before);
    AuthSession sameSecond = ada.signIn();
    clock.advance(Duration.ofSeconds(1));
    AuthSession after = ada.signIn();

    assertReason(() -> fake.verify(before.idToken()), Reason.REVOKED);
    // iat has whole seconds: a token from the sign-out's own second cannot be told apart from an older one.
    assertReason(() -> fake.verify(sameSecond.idToken()), Reason.REVOKED);
    assertThat(fake.verify(after.idToken()).userId()).isEqualTo(ada.userId());
    assertThat(fake.refresh(after).user().userId()).isEqualTo(ada.userId());
  }

  @Test
  void signOutEverywhereWithARevokedSessionIsRejected() {
    AuthSession session = ada.signIn();
    fake.signOutEverywhere(session);

    assertReason(() -> fake.signOutEverywhere(session), Reason.REVOKED);
  }

  @Test
  void adminSignOutEverywhereOfAnUnknownUserFails() {
    assertThatThrownBy(() -> fake.admin().signOutEverywhere("no-such-user")).isInstanceOf(dev.profilekit.UserNotFoundException.class);
  }

  @Test
  void tokensOfAnotherFakeWithTheSameSettingsAreAcceptedBecauseTheKeyIsShared() {
    InMemoryUserProfileService other = InMemoryUserProfileService.builder().clock(clock).build();

    assertThat(other.verify(ada.signIn().idToken()).userId()).isEqualTo(ada.userId());
  }

  @Test
  void tokensOfAFakeWithAnotherClientIdAreRejectedAsWrongAudience() {
    InMemoryUserProfileService other = InMemoryUserProfileService.builder().clock(clock).clientId("another-client").build();

    assertReason(() -> other.verify(ada.signIn().idToken()), Reason.WRONG_AUDIENCE);
    assertReason(() -> other.verify(ada.signIn().accessToken()), Reason.WRONG_AUDIENCE);
  }

  @Test
  void refreshedSessionsKeepTheRefreshToken() {
    AuthSession session = ada.signIn();

    AuthSession refreshed = fake.refresh(session);

    assertThat(refreshed.refreshToken()).isEqualTo(session.refreshToken());
    assertThat(fake.refresh(refreshed).user().userId()).isEqualTo(ada.userId());
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
