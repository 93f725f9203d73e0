package dev.profilekit.examples.spring;

import static dev.profilekit.examples.spring.ProfileApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The example on AWS's implementation over dynalite and cognito-local, configured by properties
 * only ({@code profilekit.backend=aws} and the emulators' endpoints), with a real user's access
 * token from a real sign-in: the same answers as on the in-memory service.
 */
@WithEmulators
class ProfileApplicationEmulatorsIT {

  private static ConfigurableApplicationContext app;
  private static ProfileApiClient api;
  private static String token;

  @BeforeAll
  static void start(EmulatorEnvironment pool) {
    LocalEmulators emulators = pool.emulators();
    app = new SpringApplicationBuilder(ProfileApplication.class)
        // The emulators take any credentials, but the SDK's default chain finds none here: the
        // application's own client beans, which the starter uses instead of building its own.
        .initializers((ApplicationContextInitializer<GenericApplicationContext>) context -> {
          context.registerBean(DynamoDbClient.class, () -> emulators.dynamoDbClient());
          context.registerBean(CognitoIdentityProviderClient.class, () -> emulators.cognitoClient());
        })
        .properties(
            "server.port=0",
            "profilekit.backend=aws",
            "profilekit.user-pool-id=" + pool.userPoolId(),
            "profilekit.client-id=" + pool.appClientId(),
            "profilekit.table-name=" + pool.tableName(),
            "profilekit.region=" + LocalEmulators.REGION.id(),
            // cognito-local answers USER_SRP_AUTH with 500 Unsupported; AWS's default flow is covered by SrpOracleIT.
            "profilekit.password-flow=USER_PASSWORD_AUTH",
            "profilekit.issuer=" + pool.issuer(),
            "profilekit.jwks-uri=" + pool.jwksUri())
        .run();
    UserProfileService service = app.getBean(UserProfileService.class);
    service.signUp(SignUpRequest.builder().email("grace@example.com").password("Corr3ct-Horse!").givenName("Grace").build());
    service.confirmSignUp("grace@example.com", LocalEmulators.CONFIRMATION_CODE);
    AuthSession session = service.signIn("grace@example.com", "Corr3ct-Horse!").sessionOrThrow();
    token = session.accessToken();
    api = new ProfileApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theAwsServiceBacksTheApplicationAndItsHealthIsUp() throws Exception {
    assertThat(app.getBeansOfType(AwsUserProfileService.class)).hasSize(1);
    assertThat(app.getBeansOfType(InMemoryUserProfileService.class)).isEmpty();

    HttpResponse<String> health = api.get("/actuator/health/profileKit", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health)).containsEntry("status", "UP");
  }

  @Test
  void readEditConflictAndRefusalsOverHttp() throws Exception {
    HttpResponse<String> read = api.get("/me/profile", token);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
    assertThat(json(read)).containsEntry("source", "FALLBACK").containsEntry("email", "grace@example.com");

    HttpResponse<String> edit = api.patch(token, "application/merge-patch+json", "\"0\"",
        "{\"displayName\":\"Grace Hopper\",\"customFields\":{\"rank\":\"Rear Admiral\",\"year\":1985}}");
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(edit)).containsEntry("source", "STORED").containsEntry("displayName", "Grace Hopper");

    HttpResponse<String> stale = api.patch(token, "application/json", "\"0\"", "{\"displayName\":\"Amazing Grace\"}");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale)).containsEntry("error", "version_conflict");

    assertThat(api.patch(token, "application/json", "\"1\"", "{\"subscription\":{\"plan\":\"pro\",\"status\":\"ACTIVE\"}}").statusCode())
        .isEqualTo(403);
    assertThat(api.patch(token, "application/json", "\"1\"", "{\"locale\":\"not a locale!\"}").statusCode()).isEqualTo(400);
    assertThat(json(api.get("/me/profile", token))).containsEntry("displayName", "Grace Hopper").containsEntry("version", 1L);
  }

  @Test
  void aTokenOfAnotherPoolGets401() throws Exception {
    InMemoryUserProfileService other = InMemoryUserProfileService.create();
    String foreign = other.tokens().validAccessToken(other.seed(TestUsers.email("eve@example.com")));

    HttpResponse<String> response = api.get("/me/profile", foreign);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("error=\"invalid_token\""));
  }
}
