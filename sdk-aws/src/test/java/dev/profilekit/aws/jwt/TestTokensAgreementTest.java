package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestClock;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory service's verifier and {@link CognitoTokenVerifier} (with zero clock skew, as
 * strict as the fake) judge every kind of {@link TestTokens} token the same way: both accept it as
 * the same user, or both reject it with the same reason. This is what lets tests trust the fake's
 * {@code verify}, and lets {@code TestTokens} drive tests of the real verifier offline.
 */
class TestTokensAgreementTest {

  private static final TestClock CLOCK = TestClock.startingNow();
  private static final InMemoryUserProfileService FAKE = InMemoryUserProfileService.builder().clock(CLOCK).build();
  private static final TestTokens TOKENS = FAKE.tokens();
  private static final SeededUser GOOGLE = FAKE.seed(TestUsers.google("ada@example.com").familyName("Lovelace").groups("admins"));
  private static final SeededUser APPLE = FAKE.seed(TestUsers.appleWithPrivateRelay());
  private static final SeededUser EMAIL = FAKE.seed(TestUsers.email("bob@example.com").attribute("custom:team", "blue"));
  private static final CognitoTokenVerifier REAL = CognitoTokenVerifier.builder()
      .offlineUserPool(TOKENS.issuer(), TestTokens.jwksJson())
      .clientIds(TOKENS.clientId())
      .clock(CLOCK)
      .clockSkew(Duration.ZERO)
      .build();

  static Stream<Arguments> tokens() {
    return Stream.of(
        kind("valid Google ID token", TOKENS::validIdToken),
        kind("valid Google access token", TOKENS::validAccessToken),
        kind("valid Apple ID token", u -> TOKENS.validIdToken(APPLE)),
        kind("valid Apple access token", u -> TOKENS.validAccessToken(APPLE)),
        kind("valid email-user ID token", u -> TOKENS.validIdToken(EMAIL)),
        kind("valid email-user access token", u -> TOKENS.validAccessToken(EMAIL)),
        kind("session ID token", u -> GOOGLE.signIn().idToken()),
        kind("session access token", u -> GOOGLE.signIn().accessToken()),
        kind("expired", TOKENS::expiredIdToken),
        kind("expired access token", u -> TOKENS.accessToken(u).expired().sign()),
        kind("wrong audience", TOKENS::wrongAudienceIdToken),
        kind("wrong issuer", TOKENS::wrongIssuerIdToken),
        kind("wrong token_use", TOKENS::wrongTokenUseIdToken),
        kind("untrusted key", TOKENS::badSignatureIdToken),
        kind("not yet valid", TOKENS::notYetValidIdToken),
        kind("unknown kid", TOKENS::unknownKeyIdToken),
        kind("no kid", u -> TOKENS.idToken(u).keyId(null).sign()),
        kind("tampered signature", u -> TOKENS.idToken(u).tamperedSignature().sign()),
        kind("alg none", u -> TOKENS.idToken(u).unsigned().sign()),
        kind("HS256 with the public key", u -> TOKENS.idToken(u).hmacSignedWithPublicKey().sign()),
        kind("no exp", u -> TOKENS.idToken(u).withoutClaim("exp").sign()),
        kind("no iat", u -> TOKENS.idToken(u).withoutClaim("iat").sign()),
        kind("iat in the future", u -> TOKENS.idToken(u).issuedInFuture().sign()),
        kind("access token for another client", u -> TOKENS.accessToken(u).audience("other").sign()),
        kind("exp not a number", u -> TOKENS.idToken(u).claim("exp", "tomorrow").sign()),
        kind("two audiences", u -> TOKENS.idToken(u).claim("aud", List.of(TOKENS.clientId(), "other")).sign()),
        kind("oversized", u -> TOKENS.idToken(u).claim("custom:blob", "x".repeat(20_000)).sign()),
        // The claim mapping both share (issue 17: the fake used to read these differently).
        kind("identities as a string holding JSON", u -> TOKENS.idToken(u).claim("identities",
            "[{\"userId\":\"g-1\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"primary\":\"true\",\"dateCreated\":\"1700000000000\"}]").sign()),
        kind("the primary identity is not the first", u -> TOKENS.idToken(u).claim("identities", List.of(
            Map.of("userId", "a-1", "providerName", "SignInWithApple", "providerType", "SignInWithApple", "primary", "false"),
            Map.of("userId", "g-1", "providerName", "Google", "providerType", "Google", "primary", "true"))).sign()),
        kind("dateCreated as a number", u -> TOKENS.idToken(u).claim("identities", List.of(
            Map.of("userId", "g-1", "providerName", "Google", "providerType", "Google", "dateCreated", 1700000000000L))).sign()),
        kind("identities not an array", u -> TOKENS.idToken(u).claim("identities", Map.of("userId", "g-1")).sign()),
        kind("identities holding a non-object", u -> TOKENS.idToken(u).claim("identities", List.of("Google")).sign()),
        kind("no cognito:username", u -> TOKENS.idToken(u).withoutClaim("cognito:username").sign()),
        kind("access token without username", u -> TOKENS.accessToken(u).withoutClaim("username").sign()),
        kind("groups not strings", u -> TOKENS.idToken(u).claim("cognito:groups", List.of(1, 2)).sign()),
        kind("not a JWT", u -> "definitely-not-a-jwt"),
        kind("empty", u -> ""));
  }

  private static Arguments kind(String name, Function<SeededUser, String> token) {
    return Arguments.of(name, token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void bothVerifiersJudgeTheTokenAlike(String name, Function<SeededUser, String> mint) {
    String token = mint.apply(GOOGLE);

    Outcome fake = outcome(() -> FAKE.verify(token));
    Outcome real = outcome(() -> REAL.verify(token));

    assertThat(fake).as("the fake vs CognitoTokenVerifier").isEqualTo(real);
  }

  /** Accepted as a user (compared on what a service uses), or rejected with a reason. */
  private record Outcome(TokenRejectedException.Reason reason, VerifiedUser user) {}

  private static Outcome outcome(java.util.function.Supplier<VerifiedUser> verify) {
    VerifiedUser[] user = new VerifiedUser[1];
    Throwable failure = catchThrowable(() -> user[0] = verify.get());
    if (failure != null) {
      assertThat(failure).isInstanceOf(TokenRejectedException.class);
      return new Outcome(((TokenRejectedException) failure).reason(), null);
    }
    return new Outcome(null, user[0]);
  }
}
