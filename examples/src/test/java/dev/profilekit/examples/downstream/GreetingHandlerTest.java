package dev.profilekit.examples.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.ProfileKitTest;
import dev.profilekit.testing.Seeded;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestClock;
import dev.profilekit.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A consumer's tests of a handler that reads the signed-in user's profile. Only
 * profilekit-testing: each test gets a fresh in-memory service, seeded users and a token minter.
 */
@ProfileKitTest
class GreetingHandlerTest {

  @Test
  void greetsAGoogleUserByTheNameFromGoogleBeforeAnyProfileIsStored(
      UserProfileService profiles, TestTokens tokens,
      @Seeded(provider = Seeded.Provider.GOOGLE, email = "grace@gmail.com", givenName = "Grace", familyName = "Hopper") SeededUser grace) {
    String greeting = new GreetingHandler(profiles).greet("Bearer " + tokens.validIdToken(grace));

    assertThat(greeting).isEqualTo("Hello, Grace Hopper! We will write to grace@gmail.com.");
  }

  @Test
  void greetsByTheStoredDisplayNameOnceTheUserChoseOne(
      UserProfileService profiles, ProfileAdmin admin, TestTokens tokens,
      @Seeded(email = "ada@example.com", givenName = "Ada") SeededUser ada) {
    admin.updateProfile(ada.userId(), ProfileUpdate.builder().displayName("Countess of Lovelace").build());

    String greeting = new GreetingHandler(profiles).greet("Bearer " + tokens.validAccessToken(ada));

    assertThat(greeting).isEqualTo("Hello, Countess of Lovelace! We will write to ada@example.com.");
  }

  @Test
  void neverShowsAnApplePrivateRelayAddressAsTheUsersEmail(
      UserProfileService profiles, TestTokens tokens,
      @Seeded(provider = Seeded.Provider.APPLE_PRIVATE_RELAY, givenName = "Alan") SeededUser alan) {
    String greeting = new GreetingHandler(profiles).greet("Bearer " + tokens.validIdToken(alan));

    assertThat(greeting).isEqualTo("Hello, Alan!").doesNotContain("privaterelay");
  }

  @Test
  void refusesAMissingOrNonBearerHeader(UserProfileService profiles) {
    GreetingHandler handler = new GreetingHandler(profiles);

    for (String header : new String[] {null, "", "Bearer ", "Basic YWRhOnB3"}) {
      assertThatThrownBy(() -> handler.greet(header)).as(String.valueOf(header))
          .isInstanceOfSatisfying(NotAuthenticatedException.class, e -> assertThat(e.reason()).isEmpty());
    }
  }

  @Test
  void refusesExpiredForgedAndForeignTokensWithProfileKitsReason(
      UserProfileService profiles, TestTokens tokens, @Seeded SeededUser user) {
    GreetingHandler handler = new GreetingHandler(profiles);

    assertRefused(handler, tokens.expiredIdToken(user), Reason.EXPIRED);
    assertRefused(handler, tokens.badSignatureIdToken(user), Reason.BAD_SIGNATURE);
    assertRefused(handler, tokens.wrongAudienceIdToken(user), Reason.WRONG_AUDIENCE);
    assertRefused(handler, tokens.wrongIssuerIdToken(user), Reason.WRONG_ISSUER);
    assertRefused(handler, tokens.idToken(user).unsigned().sign(), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void refusesATokenOnceItExpiresOnTheTestClock(
      UserProfileService profiles, TestTokens tokens, TestClock clock, @Seeded SeededUser user) {
    GreetingHandler handler = new GreetingHandler(profiles);
    String token = tokens.validIdToken(user);
    assertThat(handler.greet("Bearer " + token)).startsWith("Hello");

    clock.advance(Duration.ofHours(2));

    assertRefused(handler, token, Reason.EXPIRED);
  }

  private static void assertRefused(GreetingHandler handler, String token, Reason reason) {
    assertThatThrownBy(() -> handler.greet("Bearer " + token)).as(reason.name())
        .isInstanceOfSatisfying(NotAuthenticatedException.class, e -> {
          assertThat(e.reason()).contains(reason);
          assertThat(e.getMessage()).doesNotContain(token);
        });
  }
}
