package dev.profilekit.aws.federated;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.setup.TerraformModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The provider-claim table of {@code docs/terraform/cognito.tf}: what Cognito copies from a Sign in
 * with Apple ID token into the federated user's attributes, and so into the Cognito ID token that
 * ProfileKit verifies. Without {@code email_verified} in the table the user reads {@code
 * emailVerified=false} and {@link AccountLinker} refuses every Apple identity.
 */
class AppleAttributeMappingTest {

  private static final String EMAIL = "ada@privaterelay.appleid.com";

  /** The claims of an Apple ID token (Apple sends {@code email_verified} as a string or a boolean). */
  private static final Map<String, String> APPLE_CLAIMS = Map.of(
      "sub", "001234.abcd1234abcd1234abcd1234.0123",
      "email", EMAIL,
      "email_verified", "true",
      "is_private_email", "true",
      "firstName", "Ada",
      "lastName", "Lovelace");

  private HttpServer cognitoStandIn;
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private CognitoIdentityProviderClient cognito;

  @BeforeEach
  void start() throws IOException {
    // Answers ListUsers (one confirmed email user with that verified email) and
    // AdminLinkProviderForUser ({}) as Cognito does.
    cognitoStandIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cognitoStandIn.createContext("/", exchange -> {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target.substring(target.indexOf('.') + 1);
      operations.add(operation);
      exchange.getRequestBody().readAllBytes();
      String body = operation.equals("ListUsers")
          ? "{\"Users\":[{\"Username\":\"7f3c0e52-1111-4a2b-9c3d-000000000001\",\"Enabled\":true,"
              + "\"UserStatus\":\"CONFIRMED\",\"Attributes\":[{\"Name\":\"sub\",\"Value\":\"7f3c0e52-1111-4a2b-9c3d-000000000001\"},"
              + "{\"Name\":\"email\",\"Value\":\"" + EMAIL + "\"},{\"Name\":\"email_verified\",\"Value\":\"true\"}]}]}"
          : "{}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    cognitoStandIn.start();
    cognito = CognitoIdentityProviderClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + cognitoStandIn.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
        .build();
  }

  @AfterEach
  void stop() {
    cognito.close();
    cognitoStandIn.stop(0);
  }

  @Test
  void aVerifiedAppleIdentityIsLinkedToTheEmailUser() {
    String apple = TerraformModule.block(TerraformModule.file("cognito.tf"), "resource \"aws_cognito_identity_provider\" \"apple\"");
    Map<String, String> userAttributes = new HashMap<>();
    TerraformModule.stringMap(apple, "attribute_mapping").forEach((poolAttribute, appleClaim) -> {
      if (APPLE_CLAIMS.containsKey(appleClaim)) {
        userAttributes.put(poolAttribute, APPLE_CLAIMS.get(appleClaim));
      }
    });
    VerifiedUser signedIn = federatedUser(userAttributes);

    ExternalIdentity identity = ExternalIdentity.of(signedIn).orElseThrow();
    AccountLinker linker = AccountLinker.builder().cognitoClient(cognito).userPoolId("eu-west-1_AbCdEf123").build();

    assertThat(identity.emailVerified()).as("email_verified mapped from Apple's claim").isTrue();
    assertThat(linker.linkToUserWithSameEmail(identity)).isPresent()
        .get().satisfies(link -> assertThat(link.identity().provider()).isEqualTo(IdentityProvider.APPLE));
    assertThat(operations).containsExactly("ListUsers", "AdminLinkProviderForUser");
  }

  /** The user as the verifier reads Cognito's ID token, whose claims are the user's attributes. */
  private static VerifiedUser federatedUser(Map<String, String> attributes) {
    String appleUserId = APPLE_CLAIMS.get("sub");
    return VerifiedUser.builder()
        .userId("0b8e1f52-2222-4a2b-9c3d-000000000002")
        .username("SignInWithApple_" + appleUserId)
        .email(attributes.get("email"))
        .emailVerified("true".equalsIgnoreCase(attributes.get("email_verified")))
        .identityProvider(IdentityProvider.APPLE)
        .addLinkedIdentities(LinkedIdentity.builder().provider(IdentityProvider.APPLE).providerUserId(appleUserId).build())
        .tokenUse(TokenUse.ID)
        .clientId("app-client")
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")
        .issuedAt(Instant.parse("2026-12-01T10:00:00Z"))
        .expiresAt(Instant.parse("2026-12-01T11:00:00Z"))
        .build();
  }
}
