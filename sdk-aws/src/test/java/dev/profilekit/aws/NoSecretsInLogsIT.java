package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.logging.CapturingLogProvider;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Everything logged through SLF4J at TRACE (the AWS SDK's request logging included) while the
 * service signs in, verifies, reads, writes, refreshes, fails a sign-in and signs out on the
 * emulators holds none of the run's passwords or tokens, nor any token's signature.
 */
@WithEmulators
class NoSecretsInLogsIT {

  private static final String PASSWORD = "Log-Secret-Pa55word!";
  private static final String WRONG_PASSWORD = "Wrong-Secret-Pa55word!";

  private final EmulatorEnvironment env;

  NoSecretsInLogsIT(EmulatorEnvironment env) {
    this.env = env;
  }

  @Test
  void aRepresentativeSessionLogsNoPasswordTokenOrSignature() {
    List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD));
    String email = "logs+" + UUID.randomUUID() + "@example.com";
    CapturingLogProvider.capture();
    String logged;
    try {
      AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
          .cognito(env.cognito()).dynamoDb(env.dynamoDb())
          .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
          .issuer(env.issuer()).jwksUri(env.jwksUri())
          .build();
      env.createConfirmedUser(email, PASSWORD, Map.of());
      Assertions.assertThatThrownBy(() -> service.signIn(email, WRONG_PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
      AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
      tokens(session, secrets);
      VerifiedUser user = service.verify(session.idToken());
      service.verify(session.accessToken());
      service.getProfile(user);
      service.updateProfile(user, ProfileUpdate.builder().set(ProfileField.DISPLAY_NAME, "Logged").expectedVersion(0).build());
      Assertions.assertThatThrownBy(() -> service.verify(session.idToken() + "x")).isInstanceOf(TokenRejectedException.class);
      AuthSession refreshed = service.refresh(session);
      tokens(refreshed, secrets);
      service.getProfile(service.verify(refreshed.accessToken()));
      service.signOut(refreshed);
    } finally {
      logged = CapturingLogProvider.stop();
    }

    // The capture works: the AWS SDK logged its requests at DEBUG.
    assertThat(CapturingLogProvider.events()).isGreaterThan(10);
    assertThat(logged).contains("software.amazon.awssdk");
    for (String secret : secrets) {
      assertThat(logged).as("a secret of %d characters appears in the log", secret.length()).doesNotContain(secret);
    }
  }

  /** Each token, and each token's signature: a log line could cut a token but keep its signature. */
  private static void tokens(AuthSession session, List<String> secrets) {
    List<String> tokens = new ArrayList<>(List.of(session.idToken(), session.accessToken()));
    session.refreshToken().ifPresent(tokens::add);
    for (String token : tokens) {
      secrets.add(token);
      int dot = token.lastIndexOf('.');
      if (dot >= 0 && token.length() - dot > 16) {
        secrets.add(token.substring(dot + 1));
      }
    }
  }
}
