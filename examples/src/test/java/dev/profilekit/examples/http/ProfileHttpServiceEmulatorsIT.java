package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.examples.EmulatorExampleEnvironment;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP service on AwsUserProfileService over dynalite and cognito-local, with a real signed-in
 * user's access token: the same answers as on the in-memory service.
 */
@WithEmulators
class ProfileHttpServiceEmulatorsIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static EmulatorExampleEnvironment environment;
  private static ProfileHttpService http;
  private static String token;

  @BeforeAll
  static void start(EmulatorEnvironment pool) {
    environment = EmulatorExampleEnvironment.on(pool);
    UserProfileService service = environment.service();
    service.signUp(SignUpRequest.builder().email("grace@example.com").password("Corr3ct-Horse!").givenName("Grace").build());
    service.confirmSignUp("grace@example.com", environment.confirmationCode("grace@example.com"));
    AuthSession session = service.signIn("grace@example.com", "Corr3ct-Horse!").sessionOrThrow();
    token = session.accessToken();
    http = ProfileHttpService.builder().service(service).port(0).daemonThreads(true).build();
  }

  @AfterAll
  static void stop() {
    http.close();
    environment.close();
  }

  @Test
  void readEditConflictAndRefusalsOverHttp() throws Exception {
    HttpResponse<String> read = send(authorized().GET());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
    assertThat(json(read)).containsEntry("source", "FALLBACK").containsEntry("email", "grace@example.com");

    HttpResponse<String> edit = send(patch("\"0\"", "{\"displayName\":\"Grace Hopper\",\"customFields\":{\"rank\":\"Rear Admiral\",\"year\":1985}}"));
    assertThat(edit.statusCode()).isEqualTo(200);
    assertThat(edit.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(edit)).containsEntry("source", "STORED").containsEntry("displayName", "Grace Hopper");

    HttpResponse<String> stale = send(patch("\"0\"", "{\"displayName\":\"Amazing Grace\"}"));
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale)).containsEntry("error", "version_conflict");

    assertThat(send(patch("\"1\"", "{\"subscription\":{\"plan\":\"pro\",\"status\":\"ACTIVE\"}}")).statusCode()).isEqualTo(403);
    assertThat(send(patch("\"1\"", "{\"locale\":\"not a locale!\"}")).statusCode()).isEqualTo(400);
    assertThat(json(send(authorized().GET()))).containsEntry("displayName", "Grace Hopper").containsEntry("version", 1L);
  }

  @Test
  void aTokenOfAnotherIssuerGives401() throws Exception {
    // A token the in-memory service minted is well-formed and signed, but not by this user pool.
    InMemoryUserProfileService other = InMemoryUserProfileService.create();
    String foreign = other.tokens().validAccessToken(other.seed(TestUsers.email("eve@example.com")));

    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(http.baseUri() + "/me/profile"))
        .header("Authorization", "Bearer " + foreign).GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("error=\"invalid_token\""));
  }

  private static HttpRequest.Builder authorized() {
    return HttpRequest.newBuilder(URI.create(http.baseUri() + "/me/profile")).header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.Builder patch(String ifMatch, String body) {
    return authorized().header("Content-Type", "application/merge-patch+json").header("If-Match", ifMatch)
        .method("PATCH", BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }
}
