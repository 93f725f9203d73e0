package dev.profilekit.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a downstream team's test looks like with only {@code profilekit-emulators} (test scope) and
 * the published {@code profilekit-aws}: one annotation starts dynalite and cognito-local, and the
 * environment hands over a fresh user pool, app client and profile table.
 * {@link ConsumerImportsTest} keeps this file to those two artifacts.
 */
@WithEmulators
class ConsumerEmulatorsIT {

  @Test
  void aConsumerSignsInAndEditsAProfileOnTheEmulatorsWithOneAnnotation(EmulatorEnvironment env) {
    String userId = env.createConfirmedUser("lin@example.com", "Passw0rd!long", Map.of("given_name", "Lin"));
    RequestCounter dynamoRequests = new RequestCounter();

    // cognito-local answers USER_SRP_AUTH (the service's default) with 500 Unsupported.
    try (UserProfileService service = AwsUserProfileService.builder()
        .passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito())
        .dynamoDb(env.dynamoDb(dynamoRequests))
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .jwksUri(env.jwksUri())
        .build()) {
      AuthSession session = service.signIn("lin@example.com", "Passw0rd!long").sessionOrThrow();
      VerifiedUser user = service.verify(session.idToken());
      UserProfile fallback = service.getProfile(user);
      UserProfile edited = service.updateProfile(user, ProfileUpdate.builder().displayName("Lin Q.").build());

      assertThat(user.userId()).isEqualTo(userId);
      assertThat(fallback.isStored()).isFalse();
      assertThat(fallback.givenName()).contains("Lin");
      assertThat(edited.isStored()).isTrue();
      assertThat(service.getProfile(user).displayName()).contains("Lin Q.");
      assertThat(dynamoRequests.operations()).contains("UpdateItem");
    }
  }
}
