package dev.profilekit.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link LocalEmulators#attach}: another handle on the running pair (as a benchmark fork gets its
 * parent's), sharing their state, and owning nothing.
 */
@WithEmulators
class AttachedEmulatorsIT {

  @Test
  void attachedPairTalksToTheSameEmulatorsAndClosingItStopsNothing(LocalEmulators started, EmulatorEnvironment env) {
    LocalEmulators attached = LocalEmulators.attach(started.dynamoDbEndpoint(), started.cognitoEndpoint());
    Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS("attached"));
    try (DynamoDbClient dynamoDb = attached.dynamoDbClient(); CognitoIdentityProviderClient cognito = attached.cognitoClient()) {
      dynamoDb.putItem(b -> b.tableName(env.tableName()).item(Map.of(
          "userId", AttributeValue.fromS("attached"), "displayName", AttributeValue.fromS("Ada"))));

      assertThat(cognito.describeUserPool(b -> b.userPoolId(env.userPoolId())).userPool().id()).isEqualTo(env.userPoolId());
    }
    attached.close();

    assertThat(env.dynamoDb().getItem(b -> b.tableName(env.tableName()).key(key).consistentRead(true)).item())
        .containsEntry("displayName", AttributeValue.fromS("Ada"));
    assertThat(attached.ownsProcesses()).isFalse();
    assertThat(started.ownsProcesses()).isTrue();
    assertThat(attached.issuer(env.userPoolId())).isEqualTo(env.issuer());
    assertThat(attached.toString()).contains("attached", started.dynamoDbEndpoint().toString());
  }

  @Test
  void attachingWhereNoEmulatorListensSaysSo(LocalEmulators started) {
    URI nothing = URI.create("http://127.0.0.1:" + FreePorts.pick());

    assertThatThrownBy(() -> LocalEmulators.attach(nothing, started.cognitoEndpoint()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No dynalite answers at " + nothing);
  }
}
