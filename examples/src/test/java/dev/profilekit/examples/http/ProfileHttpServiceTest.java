package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.AuthSession;
import dev.profilekit.FieldValue;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP service over real HTTP on a free loopback port, on the in-memory service: every status code it documents. */
class ProfileHttpServiceTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private InMemoryUserProfileService profiles;
  private ProfileHttpService http;
  private SeededUser ada;
  private String token;

  @BeforeEach
  void start() {
    profiles = InMemoryUserProfileService.create();
    ada = profiles.seed(TestUsers.email("ada@example.com").givenName("Ada").familyName("Lovelace"));
    token = profiles.tokens().validIdToken(ada);
    http = ProfileHttpService.builder().service(profiles).port(0).daemonThreads(true)
        .log(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
  }

  @AfterEach
  void stop() {
    http.close();
    profiles.close();
    assertThat(log.toString(StandardCharsets.UTF_8)).as("unexpected failures logged").isEmpty();
  }

  // ---------------------------------------------------------------- 200

  @Test
  void healthzAnswers200WithoutAToken() throws Exception {
    HttpResponse<String> response = send(request("/healthz").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).containsEntry("status", "ok");
  }

  @Test
  void getProfileReturnsTheFallbackAtVersionZeroWithItsETag() throws Exception {
    HttpResponse<String> response = send(authorized("/me/profile").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("ETag")).contains("\"0\"");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(response)).containsEntry("userId", ada.userId()).containsEntry("source", "FALLBACK")
        .containsEntry("displayName", "Ada Lovelace").containsEntry("email", "ada@example.com").containsEntry("version", 0L);
  }

  @Test
  void patchWithCurrentVersionStoresTheFieldsAndReturnsTheNextETag() throws Exception {
    HttpResponse<String> response = send(patch("\"0\"",
        "{\"displayName\":\"Ada King\",\"locale\":\"en-GB\",\"preferences\":{\"theme\":\"dark\"},"
            + "\"customFields\":{\"score\":42,\"ratio\":0.25,\"beta\":true,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"London\"}}}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(json(response)).containsEntry("source", "STORED").containsEntry("version", 1L).containsEntry("displayName", "Ada King");
    UserProfile stored = profiles.admin().findStoredProfile(ada.userId()).orElseThrow();
    assertThat(stored.locale()).contains("en-GB");
    assertThat(stored.preferences()).containsEntry("theme", FieldValue.of("dark"));
    assertThat(stored.customFields())
        .containsEntry("score", FieldValue.of(42))
        .containsEntry("ratio", FieldValue.of(new BigDecimal("0.25")))
        .containsEntry("beta", FieldValue.of(true))
        .containsEntry("tags", FieldValue.list(FieldValue.of("a"), FieldValue.of("b")))
        .containsEntry("address", FieldValue.map(Map.of("city", FieldValue.of("London"))));
    assertThat(json(send(authorized("/me/profile").GET()))).containsEntry("version", 1L).containsEntry("displayName", "Ada King");
  }

  @Test
  void patchWithNullRemovesAFieldAndWithoutIfMatchIsUnconditional() throws Exception {
    send(patch("\"0\"", "{\"zoneinfo\":\"Europe/London\",\"customFields\":{\"score\":1}}"));

    HttpResponse<String> response = send(patch(null, "{\"zoneinfo\":null,\"customFields\":{\"score\":null}}"));

    assertThat(response.statusCode()).isEqualTo(200);
    UserProfile stored = profiles.admin().findStoredProfile(ada.userId()).orElseThrow();
    assertThat(stored.zoneinfo()).isEmpty();
    assertThat(stored.customFields()).doesNotContainKey("score");
    assertThat(stored.version()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- 400

  @Test
  void invalidFieldGives400NamingTheFieldAndRuleAndChangesNothing() throws Exception {
    HttpResponse<String> response = send(patch("\"0\"", "{\"displayName\":\"Ada\",\"avatarUrl\":\"http://example.com/a.png\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response)).containsEntry("error", "invalid_request").containsEntry("field", "avatarUrl").containsEntry("rule", "https");
    assertThat(response.body()).doesNotContain("example.com/a.png");
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void malformedJsonGives400NamingTheBody() throws Exception {
    for (String body : List.of("{\"displayName\":", "[1,2]", "", "{\"displayName\":\"a\"} trailing", "null", " null ")) {
      HttpResponse<String> response = send(patch("\"0\"", body));

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response)).containsEntry("field", "body").containsEntry("rule", "json");
    }
  }

  @Test
  void readOnlyAndUnknownFieldsGive400RatherThanBeingIgnored() throws Exception {
    assertThat(json(send(patch("\"0\"", "{\"email\":\"eve@example.com\"}")))).containsEntry("field", "email").containsEntry("rule", "read-only");
    assertThat(json(send(patch("\"0\"", "{\"nickname\":\"Ada\"}")))).containsEntry("field", "nickname").containsEntry("rule", "unknown-field");
  }

  @Test
  void anUnquotedIfMatchGives400NamingTheQuotedFormAndChangesNothing() throws Exception {
    HttpResponse<String> response = send(patch("0", "{\"displayName\":\"Ada\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response)).containsEntry("field", "If-Match").containsEntry("rule", "entity-tag")
        .extractingByKey("message").asString().contains("If-Match: \"0\"");
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void severalIfMatchTagsOrAnUnclosedTagGive400() throws Exception {
    assertEveryIfMatchIsRefused(400, "field", "If-Match", "\"0\", \"1\"", "\"0", "zero");
  }

  @Test
  void aWeakOrForeignEntityTagNeverMatchesSoIfMatchGives412() throws Exception {
    // RFC 9110 13.1.1: If-Match compares strongly, so W/"0" does not match the strong "0".
    assertEveryIfMatchIsRefused(412, "error", "precondition_failed", "W/\"0\"", "\"zero\"", "\"\"");
  }

  private void assertEveryIfMatchIsRefused(int status, String key, String value, String... ifMatches) throws Exception {
    for (String ifMatch : ifMatches) {
      HttpResponse<String> response = send(patch(ifMatch, "{\"displayName\":\"Ada\"}"));

      assertThat(response.statusCode()).as(ifMatch).isEqualTo(status);
      assertThat(json(response)).as(ifMatch).containsEntry(key, value);
    }
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  // ---------------------------------------------------------------- 401

  @Test
  void missingTokenGives401WithTheBareBearerChallenge() throws Exception {
    HttpResponse<String> response = send(request("/me/profile").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"profilekit\"");
  }

  @Test
  void otherAuthorizationSchemesGive401() throws Exception {
    HttpResponse<String> response = send(request("/me/profile").header("Authorization", "Basic YWRhOnNlY3JldA==").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
  }

  @Test
  void rejectedTokensGive401InvalidTokenWithTheReasonAndNeverEchoTheToken() throws Exception {
    Map<String, String> tokens = Map.of(
        "EXPIRED", profiles.tokens().expiredIdToken(ada),
        "WRONG_AUDIENCE", profiles.tokens().wrongAudienceIdToken(ada),
        "BAD_SIGNATURE", profiles.tokens().badSignatureIdToken(ada),
        "MALFORMED", "not-a-jwt");
    for (Map.Entry<String, String> entry : tokens.entrySet()) {
      HttpResponse<String> response = send(request("/me/profile").header("Authorization", "Bearer " + entry.getValue()).GET());

      assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(entry.getKey())
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer realm=\"profilekit\", error=\"invalid_token\""));
      assertThat(json(response)).containsEntry("reason", entry.getKey());
      assertThat(response.body()).doesNotContain(entry.getValue());
    }
  }

  @Test
  void aTokenIssuedBeforeSignOutEverywhereGives401Revoked() throws Exception {
    AuthSession session = profiles.signInAs(ada);
    profiles.signOutEverywhere(session);

    HttpResponse<String> response = send(request("/me/profile").header("Authorization", "Bearer " + session.idToken()).GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response)).containsEntry("reason", "REVOKED");
  }

  // ---------------------------------------------------------------- 403

  @Test
  void writingTheSubscriptionGives403AndChangesNothing() throws Exception {
    HttpResponse<String> response = send(patch("\"0\"", "{\"displayName\":\"Ada\",\"subscription\":{\"plan\":\"pro\",\"status\":\"ACTIVE\"}}"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response)).containsEntry("error", "forbidden_field").containsEntry("field", "subscription");
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void aWronglyShapedAdminOnlyFieldGives403Not400SoItsSchemaStaysHidden() throws Exception {
    for (String subscription : List.of("\"pro\"", "{\"plan\":7}", "{\"tier\":\"gold\"}", "[]")) {
      HttpResponse<String> response = send(patch("\"0\"", "{\"subscription\":" + subscription + "}"));

      assertThat(response.statusCode()).as(subscription).isEqualTo(403);
      assertThat(json(response)).as(subscription).containsEntry("error", "forbidden_field").containsEntry("field", "subscription")
          .doesNotContainKey("rule");
    }
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void anAdminOnlyCustomFieldIsRefusedWith403WhateverItsValue() throws Exception {
    http.close();
    profiles.close();
    profiles = InMemoryUserProfileService.builder()
        .policy(dev.profilekit.ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build()).build();
    ada = profiles.seed(TestUsers.email("ada@example.com"));
    token = profiles.tokens().validIdToken(ada);
    http = ProfileHttpService.builder().service(profiles).port(0).daemonThreads(true)
        .log(new PrintStream(log, true, StandardCharsets.UTF_8)).build();

    HttpResponse<String> response = send(patch("\"0\"", "{\"customFields\":{\"creditBalance\":[[[[[[[1]]]]]]]}}"));
    HttpResponse<String> allowed = send(patch("\"0\"", "{\"customFields\":{\"nickname\":[[[[[[[1]]]]]]]}}"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response)).containsEntry("field", "customFields.creditBalance");
    // The same shape on a field the user may write is a 400 about its depth: the shape is checked after permission.
    assertThat(allowed.statusCode()).isEqualTo(400);
    assertThat(json(allowed)).containsEntry("rule", "max-depth");
    assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void anAdminSetSubscriptionIsReadableButNotRemovableByTheUser() throws Exception {
    profiles.admin().updateProfile(ada.userId(), ProfileUpdate.builder()
        .subscription(dev.profilekit.Subscription.builder().plan("pro").status(dev.profilekit.SubscriptionStatus.ACTIVE).build()).build());

    assertThat(json(send(authorized("/me/profile").GET()))).extractingByKey("subscription").asString().contains("pro");
    assertThat(send(patch(null, "{\"subscription\":null}")).statusCode()).isEqualTo(403);
  }

  // ---------------------------------------------------------------- 404, 405, 412, 413, 415

  @Test
  void unknownPathsGive404EvenWithAValidToken() throws Exception {
    for (String path : List.of("/", "/me", "/me/profile/extra", "/admin/profiles")) {
      assertThat(send(authorized(path).GET()).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void otherMethodsGive405WithTheAllowHeader() throws Exception {
    HttpResponse<String> delete = send(authorized("/me/profile").DELETE());
    HttpResponse<String> post = send(request("/healthz").POST(BodyPublishers.ofString("{}")));

    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).contains("GET, PATCH");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
  }

  @Test
  void staleIfMatchGives412WithTheCurrentVersionAndChangesNothing() throws Exception {
    assertThat(send(patch("\"0\"", "{\"displayName\":\"First\"}")).statusCode()).isEqualTo(200);

    HttpResponse<String> response = send(patch("\"0\"", "{\"displayName\":\"Second\"}"));

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(json(response)).containsEntry("error", "version_conflict").containsEntry("expectedVersion", 0L);
    assertThat(profiles.admin().findStoredProfile(ada.userId()).orElseThrow().displayName()).contains("First");
  }

  @Test
  void bodiesAboveTheLimitGive413WithoutReachingTheService() throws Exception {
    // A small limit keeps the rejected body within socket buffers, so the client reads the answer.
    try (ProfileHttpService small = ProfileHttpService.builder().service(profiles).port(0).daemonThreads(true).maxBodyBytes(1024).build()) {
      String body = "{\"displayName\":\"" + "a".repeat(1100) + "\"}";
      HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(small.baseUri() + "/me/profile"))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .method("PATCH", BodyPublishers.ofString(body)));

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(json(response)).containsEntry("maxBytes", 1024L);
      assertThat(profiles.admin().findStoredProfile(ada.userId())).isEmpty();
    }
  }

  @Test
  void otherContentTypesGive415() throws Exception {
    HttpResponse<String> response = send(authorized("/me/profile").header("Content-Type", "text/plain")
        .method("PATCH", BodyPublishers.ofString("displayName=Ada")));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  // ---------------------------------------------------------------- builder

  @Test
  void builderNamesTheMissingServiceAndRejectsBadSettings() {
    assertThatThrownBy(() -> ProfileHttpService.builder().build()).hasMessageContaining("service");
    assertThatThrownBy(() -> ProfileHttpService.builder().service(profiles).maxBodyBytes(0).build()).hasMessageContaining("maxBodyBytes");
    assertThatThrownBy(() -> ProfileHttpService.builder().service(profiles).port(70000).build()).hasMessageContaining("port");
  }

  // ---------------------------------------------------------------- helpers

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(http.baseUri() + path));
  }

  private HttpRequest.Builder authorized(String path) {
    return request(path).header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder patch(String ifMatch, String body) {
    HttpRequest.Builder request = authorized("/me/profile")
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", BodyPublishers.ofString(body));
    return ifMatch == null ? request : request.header("If-Match", ifMatch);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }
}
