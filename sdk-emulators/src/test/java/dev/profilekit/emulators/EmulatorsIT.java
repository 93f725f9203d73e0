package dev.profilekit.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WithEmulators
class EmulatorsIT {

  @Test
  void environmentHasAnActiveProfileTable(EmulatorEnvironment env, DynamoDbClient dynamoDb) {
    dynamoDb.putItem(b -> b.tableName(env.tableName())
        .item(Map.of("userId", AttributeValue.fromS("u1"), "displayName", AttributeValue.fromS("Ada"))));

    Map<String, AttributeValue> item =
        dynamoDb.getItem(b -> b.tableName(env.tableName()).key(Map.of("userId", AttributeValue.fromS("u1")))).item();

    assertThat(item).containsEntry("displayName", AttributeValue.fromS("Ada"));
  }

  @Test
  void confirmedUserSignsInWithPasswordAndGetsTokensFromThePoolIssuer(
      EmulatorEnvironment env, CognitoIdentityProviderClient cognito) throws Exception {
    String sub = env.createConfirmedUser("ada@example.com", "Passw0rd!long", Map.of("given_name", "Ada"));

    AuthenticationResultType tokens = cognito.initiateAuth(b -> b
            .clientId(env.appClientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", "ada@example.com", "PASSWORD", "Passw0rd!long")))
        .authenticationResult();

    assertThat(sub).isNotBlank();
    assertThat(tokens.idToken()).isNotBlank();
    assertThat(tokens.refreshToken()).isNotBlank();
    HttpResponse<String> jwks = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(env.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.body()).contains("\"keys\"");
    assertThat(env.issuer()).isEqualTo(URI.create(env.emulators().cognitoEndpoint() + "/" + env.userPoolId()));
  }

  @Test
  void requestCounterSeesEachOperationSent(EmulatorEnvironment env) {
    RequestCounter counter = new RequestCounter();
    DynamoDbClient counted = env.dynamoDb(counter);

    counted.getItem(b -> b.tableName(env.tableName()).key(Map.of("userId", AttributeValue.fromS("nobody"))));
    counted.describeTable(b -> b.tableName(env.tableName()));

    assertThat(counter.operations()).containsExactly("GetItem", "DescribeTable");
  }

  @Test
  void confirmedSignUpHasAVerifiedEmailAndIdTokensCarryStandardAttributesAsOnAws(EmulatorEnvironment env) {
    env.createConfirmedUser("grace@example.com", "Passw0rd!long", Map.of("given_name", "Grace", "family_name", "Hopper"));

    var user = env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username("grace@example.com"));
    String idToken = env.cognito().initiateAuth(b -> b
            .clientId(env.appClientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", "grace@example.com", "PASSWORD", "Passw0rd!long")))
        .authenticationResult().idToken();
    String claims = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(user.userAttributes())
        .as(env.emulators().logTails())
        .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("email_verified=true"));
    assertThat(claims).contains("\"given_name\":\"Grace\"").contains("\"family_name\":\"Hopper\"").contains("\"email_verified\":true");
  }

  @Test
  void oneEmulatorPairIsSharedByTheWholeRun(LocalEmulators first, EmulatorEnvironment env) {
    assertThat(env.emulators()).isSameAs(first);
  }
}
