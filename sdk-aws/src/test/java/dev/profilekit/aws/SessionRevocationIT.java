package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.dynamodb.internal.ProfileAttributes;
import dev.profilekit.aws.emulators.OriginJtiAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.SignOutRule;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code signOut} on the emulators: what it stores, and the cognito-local gap ({@code origin_jti})
 * that {@link OriginJtiAsAws} covers for the contract run (docs/emulators.md).
 */
@WithEmulators
class SessionRevocationIT {

  private static final String PASSWORD = "Revoke-Pa55word!";

  private final EmulatorEnvironment env;

  SessionRevocationIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(ExecutionInterceptor... cognito) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognito)).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  private AuthSession signedIn(AwsUserProfileService service) {
    String email = "revoke+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    return service.signIn(email, PASSWORD).sessionOrThrow();
  }

  @Test
  void cognitoLocalTokensHaveNoOriginJti() {
    AwsUserProfileService raw = service();
    AuthSession session = signedIn(raw);

    assertThat(raw.verify(session.accessToken()).originJti()).isEmpty();
    assertThat(raw.verify(session.idToken()).originJti()).isEmpty();
    // With nothing to name the session by, signOut can revoke only the refresh token.
    raw.signOut(session);
    assertThat(raw.verify(session.accessToken()).userId()).isEqualTo(session.user().userId());
  }

  @Test
  void signOutStoresTheSessionUntilItsTokensCanNoLongerVerify() {
    AwsUserProfileService service = service(new OriginJtiAsAws());
    AuthSession session = signedIn(service);
    VerifiedUser access = service.verify(session.accessToken());

    service.signOut(session);

    Map<String, AttributeValue> item = env.dynamoDb().getItem(b -> b.tableName(env.tableName())
        .key(Map.of("userId", AttributeValue.fromS(access.userId()))).consistentRead(true)).item();
    long kept = Long.parseLong(item.get(ProfileAttributes.REVOKED_SESSIONS).m().get(access.originJti().orElseThrow()).n());
    assertThat(kept).isGreaterThanOrEqualTo(access.expiresAt().plus(SignOutRule.LONGEST_CLOCK_SKEW).getEpochSecond());
    // A user without a profile: the item holds only the record and expires with it.
    assertThat(item.get(ProfileAttributes.EXPIRES_AT).n()).isEqualTo(Long.toString(kept));
    assertThat(item).doesNotContainKey(ProfileAttributes.VERSION);
  }
}
