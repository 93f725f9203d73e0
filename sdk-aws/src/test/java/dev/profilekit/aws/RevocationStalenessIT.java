package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.OriginJtiAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The revocation cache across two service instances on one table ("nodes"), with a clock moved by
 * hand to cross the staleness bound: the node that writes a revocation rejects at once, the other
 * within the bound.
 */
@WithEmulators
class RevocationStalenessIT {

  private static final String PASSWORD = "Stale-Pa55word!";
  private static final Duration BOUND = Duration.ofSeconds(5);

  private final EmulatorEnvironment env;
  private final TestClock clock = TestClock.ticking();
  private final RequestCounter otherNodeRequests = new RequestCounter();

  RevocationStalenessIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService node(RequestCounter dynamoRequests) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        // cognito-local lacks GlobalSignOut and origin_jti: the stand-ins of the contract run.
        .cognito(env.cognito(new GlobalSignOutAsAws(clock).addTo(new AwsAnswers()), new OriginJtiAsAws())).dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .clock(clock)
        .revocationStaleness(BOUND)
        .build();
  }

  private AuthSession signedIn(AwsUserProfileService node) {
    String email = "stale+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    return node.signIn(email, PASSWORD).sessionOrThrow();
  }

  private static void assertRevoked(AwsUserProfileService node, String token) {
    assertThatThrownBy(() -> node.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.REVOKED));
  }

  @Test
  void signOutEverywhereIsRejectedAtOnceHereAndWithinTheBoundElsewhere() {
    AwsUserProfileService here = node(new RequestCounter());
    AwsUserProfileService there = node(otherNodeRequests);
    AuthSession session = signedIn(here);
    here.verify(session.accessToken());
    there.verify(session.accessToken());

    here.signOutEverywhere(session);

    assertRevoked(here, session.accessToken());
    otherNodeRequests.reset();
    assertThat(there.verify(session.accessToken()).userId()).as("stale within the bound").isEqualTo(session.user().userId());
    assertThat(otherNodeRequests.operations()).isEmpty();
    clock.advance(BOUND);
    assertRevoked(there, session.accessToken());
    assertThat(otherNodeRequests.operations()).containsExactly("GetItem");
  }

  @Test
  void signOutOfOneSessionIsRejectedAtOnceHereAndWithinTheBoundElsewhere() {
    AwsUserProfileService here = node(new RequestCounter());
    AwsUserProfileService there = node(otherNodeRequests);
    AuthSession session = signedIn(here);
    here.verify(session.idToken());
    there.verify(session.idToken());

    here.signOut(session);

    assertRevoked(here, session.idToken());
    assertThat(there.verify(session.idToken()).userId()).isEqualTo(session.user().userId());
    clock.advance(BOUND);
    assertRevoked(there, session.idToken());
  }

  @Test
  void aProfileReadRefreshesTheCacheSoTheNextVerifyIsFree() {
    RequestCounter requests = new RequestCounter();
    AwsUserProfileService node = node(requests);
    AuthSession session = signedIn(node);
    requests.reset();

    node.getProfile(session.user());
    node.verify(session.idToken());

    assertThat(requests.operations()).containsExactly("GetItem");
  }
}
