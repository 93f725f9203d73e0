package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.ProfileField;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfileService;
import dev.profilekit.VersionConflictException;
import dev.profilekit.spring.app.StarterTestApplication;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a starter user writes first: a {@code @SpringBootTest} with the three properties and {@code
 * profilekit-testing} on the test classpath, no AWS. Real HTTP on a random port.
 */
@SpringBootTest(
    classes = StarterTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
        "profilekit.user-pool-id=eu-west-1_StarterT1",
        "profilekit.client-id=starter-client",
        "profilekit.table-name=profiles"})
class ThreePropertiesSpringBootTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired InMemoryUserProfileService fake;
  @Autowired UserProfileService service;
  @Autowired TestTokens tokens;
  @Autowired MeterRegistry meters;

  @Test
  void theInMemoryServiceBacksTheContextWithTokensOfTheConfiguredPool() {
    assertThat(tokens.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_StarterT1");
    assertThat(tokens.clientId()).isEqualTo("starter-client");
    assertThat(MeteredUserProfileService.delegateOf(service)).isSameAs(fake);
  }

  @Test
  void anAccessTokenOfThePoolReachesTheControllerWithItsVerifiedUser() throws Exception {
    SeededUser ada = fake.seed(TestUsers.email("ada@example.com"));

    HttpResponse<String> response = get("/me", tokens.validAccessToken(ada));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"userId\":\"" + ada.userId() + "\"").contains("\"tokenUse\":\"ACCESS\"");
  }

  @Test
  void noTokenGetsTheBareBearerChallenge() throws Exception {
    HttpResponse<String> response = get("/me", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(header -> assertThat(header).startsWith("Bearer").doesNotContain("error="));
  }

  @Test
  void rejectedTokensGet401WithTheReasonInWwwAuthenticate() throws Exception {
    SeededUser ada = fake.seed(TestUsers.email("ada2@example.com"));
    TestTokens otherPool = TestTokens.defaults();

    assertRejected(get("/me", tokens.expiredIdToken(ada)), "expired");
    assertRejected(get("/me", tokens.accessToken(ada).expired().sign()), "expired");
    assertRejected(get("/me", tokens.validIdToken(ada)), "wrong token use");
    assertRejected(get("/me", tokens.accessToken(ada).signedByUntrustedKey().sign()), "bad signature");
    assertRejected(get("/me", otherPool.validAccessToken(ada)), "wrong issuer");
    assertRejected(get("/me", "not-a-jwt"), "malformed");
  }

  @Test
  void cognitoGroupsAreRolesForHasRole() throws Exception {
    SeededUser admin = fake.seed(TestUsers.email("root@example.com").groups("admin"));
    SeededUser user = fake.seed(TestUsers.email("user@example.com"));

    assertThat(get("/admin", tokens.validAccessToken(admin)).statusCode()).isEqualTo(200);
    assertThat(get("/admin", tokens.validAccessToken(user)).statusCode()).isEqualTo(403);
  }

  @Test
  void verificationsAreTimedByOutcome() throws Exception {
    SeededUser ada = fake.seed(TestUsers.email("ada3@example.com"));
    double okBefore = count("ok");
    double expiredBefore = count("expired");

    get("/me", tokens.validAccessToken(ada));
    get("/me", tokens.expiredIdToken(ada));

    assertThat(count("ok")).isEqualTo(okBefore + 1);
    assertThat(count("expired")).isEqualTo(expiredBefore + 1);
  }

  @Test
  void profileReadsAndWritesAreTimed() {
    SeededUser ada = fake.seed(TestUsers.email("ada4@example.com"));
    service.getProfile(ada.verifiedUser());
    service.deleteProfile(ada.verifiedUser());
    ProfileUpdate stale = ProfileUpdate.builder().expectedVersion(7L).set(ProfileField.DISPLAY_NAME, "Ada").build();
    assertThatThrownBy(() -> service.updateProfile(ada.verifiedUser(), stale)).isInstanceOf(VersionConflictException.class);

    assertThat(meters.find(ProfileKitMetrics.READ).tag("operation", "get").tag("outcome", "ok").timer().count()).isPositive();
    assertThat(meters.find(ProfileKitMetrics.WRITE).tag("operation", "delete").tag("outcome", "ok").timer().count()).isPositive();
    assertThat(meters.find(ProfileKitMetrics.WRITE).tag("operation", "update").tag("outcome", "VersionConflictException").timer().count())
        .isPositive();
  }

  private double count(String outcome) {
    var timer = meters.find(ProfileKitMetrics.VERIFY).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private static void assertRejected(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(reason).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).as(reason)
        .hasValueSatisfying(header -> assertThat(header).contains("error=\"invalid_token\"").contains("error_description=\"" + reason + "\""));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }
}
