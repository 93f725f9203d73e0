package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.IdentityProvider;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

  @Test
  void aTokenOfARevokedSessionIsRevokedAndOneOfAnotherSessionIsNot() {
    Map<String, Instant> revoked = Map.of("session-a", SIGNED_OUT.plusSeconds(3600));
    assertThat(SignOutRule.revokes(null, revoked, token("session-a", SIGNED_OUT.minusSeconds(10), Duration.ofHours(1)))).isTrue();
    assertThat(SignOutRule.revokes(null, revoked, token("session-b", SIGNED_OUT.minusSeconds(10), Duration.ofHours(1)))).isFalse();
    assertThat(SignOutRule.revokesSession(revoked, Optional.empty())).as("a token without origin_jti").isFalse();
  }

  @Test
  void aRevokedSessionRecordOutlivesEveryTokenOfTheSessionByTheLongestSkew() {
    // The token presented was minted 50 minutes before the sign-out; a refresh could have minted
    // another one right before it, valid a full lifetime after the sign-out.
    VerifiedUser old = token("s", SIGNED_OUT.minus(Duration.ofMinutes(50)), Duration.ofHours(1));
    assertThat(SignOutRule.sessionRecordExpiry(SIGNED_OUT, old))
        .isEqualTo(Instant.parse("2026-12-03T11:05:01Z"));
  }

  @Test
  void expiredSessionRecordsAreDroppedAndOthersKept() {
    Map<String, Instant> records = Map.of("gone", SIGNED_OUT, "kept", SIGNED_OUT.plusSeconds(1));
    assertThat(SignOutRule.unexpired(records, SIGNED_OUT)).containsOnlyKeys("kept");
  }

  private static VerifiedUser token(String originJti, Instant issuedAt, Duration lifetime) {
    return VerifiedUser.builder().userId("u").username("u").tokenUse(TokenUse.ACCESS).clientId("c").issuer("i")
        .identityProvider(IdentityProvider.COGNITO).issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime))
        .originJti(originJti).build();
  }
}
