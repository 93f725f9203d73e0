package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ClientConfigurationException;
import dev.profilekit.IdentityProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsUserProfileServiceBuilderTest {

  private static final CognitoIdentityProviderClient COGNITO = CognitoIdentityProviderClient.builder()
      .region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
  private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
      .region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();

  private static AwsUserProfileService.Builder complete() {
    return AwsUserProfileService.builder().cognito(COGNITO).dynamoDb(DYNAMO)
        .userPoolId("eu-west-1_AbCdEf123").appClientId("client123").tableName("profiles");
  }

  @Test
  void buildNamesTheFirstMissingSetting() {
    assertThatThrownBy(() -> AwsUserProfileService.builder().build()).hasMessageContaining("cognito is required");
    assertThatThrownBy(() -> complete().dynamoDb(null).build()).hasMessageContaining("dynamoDb is required");
    assertThatThrownBy(() -> complete().userPoolId(null).build()).hasMessageContaining("userPoolId is required");
    assertThatThrownBy(() -> complete().appClientId(" ").build()).hasMessageContaining("appClientId is blank");
    assertThatThrownBy(() -> complete().tableName(null).build()).hasMessageContaining("tableName is required");
    assertThatThrownBy(() -> complete().appClientSecret("").build()).hasMessageContaining("appClientSecret");
    assertThatThrownBy(() -> complete().minimumPasswordLength(3).build()).hasMessageContaining("minimumPasswordLength");
  }

  @Test
  void aPoolIdWithoutRegionNeedsAnExplicitIssuer() {
    assertThatThrownBy(() -> complete().userPoolId("local_abc").build()).hasMessageContaining("issuer");
    assertThat(complete().userPoolId("local_abc").issuer(URI.create("http://127.0.0.1:9229/local_abc")).build()).isNotNull();
  }

  @Test
  void theIssuerOfARealPoolComesFromItsRegion() {
    assertThat(ServiceWiring.defaultIssuer("eu-west-1_AbCdEf123"))
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
  }

  @Test
  void federatedSignInWithoutAHostedUiDomainSaysWhatToConfigure() {
    AwsUserProfileService service = complete().build();

    assertThatThrownBy(() -> service.federatedSignIn(IdentityProvider.GOOGLE, URI.create("https://app.example.com/cb")))
        .isInstanceOf(ClientConfigurationException.class)
        .hasMessageContaining("hostedUiDomain");
    assertThatThrownBy(() -> service.logoutUri(URI.create("https://app.example.com/out")))
        .isInstanceOf(ClientConfigurationException.class);
  }

  @Test
  void toStringNamesTheTableOnly() {
    assertThat(complete().appClientSecret("s3cr3t-value").build().toString()).contains("profiles").doesNotContain("s3cr3t");
  }
}
