package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ClientConfigurationException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert;
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
    assertRefused(() -> AwsUserProfileService.builder().build(), "cognito", "required");
    assertRefused(() -> complete().dynamoDb(null).build(), "dynamoDb", "required");
    assertRefused(() -> complete().userPoolId(null).build(), "userPoolId", "required");
    assertRefused(() -> complete().appClientId(" ").build(), "appClientId", "not-blank");
    assertRefused(() -> complete().tableName(null).build(), "tableName", "required");
    assertRefused(() -> complete().appClientSecret("").build(), "appClientSecret", "not-blank");
    assertRefused(() -> complete().minimumPasswordLength(3).build(), "minimumPasswordLength", "range");
    assertRefused(() -> complete().clock(null).build(), "clock", "required");
    assertRefused(() -> complete().revocationStaleness(null).build(), "revocationStaleness", "required");
    assertRefused(() -> complete().revocationStaleness(Duration.ofSeconds(-1)).build(), "revocationStaleness", "range");
    assertRefused(() -> complete().revocationStaleness(Duration.ofHours(2)).build(), "revocationStaleness", "range");
    assertThat(complete().revocationStaleness(Duration.ZERO).build()).isNotNull();
  }

  /** Builders fail one way (docs/decisions.md): an InvalidRequestException naming the setting and a shared rule. */
  private static void assertRefused(ThrowableAssert.ThrowingCallable build, String field, String rule) {
    assertThatThrownBy(build).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }

  @Test
  void aPoolIdWithoutRegionNeedsAnExplicitIssuer() {
    assertRefused(() -> complete().userPoolId("local_abc").build(), "issuer", "required");
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
