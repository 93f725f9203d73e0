package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the HTTP example's {@code PATCH /me/profile} body handling ({@link ProfileResource#patch}:
 * nimbus's JSON parser, {@code ProfileJson.toUpdate}, the field-permission check, the service's
 * policy) on the in-memory service. Whatever the body, the answer is the stored profile or an
 * {@link HttpProblem} with a client status (400, 403 or 412), never another exception, a 5xx or a
 * line in the unexpected-failure log; an accepted body is stored as returned, one version up.
 */
class ProfilePatchBodyFuzzTest {

  private static final ProfilePolicy POLICY = ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build();
  private static final Set<Integer> CLIENT_STATUSES = Set.of(400, 403, 412);
  private static final List<String> KEYS = List.of("displayName", "givenName", "familyName", "avatarUrl", "locale",
      "zoneinfo", "preferences", "customFields", "subscription", "email", "version", "creditBalance", "plan", "status",
      "currentPeriodEnd", "externalCustomerId", "userId", "");
  private static final List<String> IF_MATCH = List.of("*", "\"0\"", "\"1\"", "W/\"0\"", "0", "\"0\", \"1\"", "\"99999999999999999999\"");

  @FuzzTest
  void anyBodyIsStoredOrRefusedWithAClientStatus(FuzzedDataProvider data) {
    String ifMatch = data.consumeBoolean() ? data.pickValue(IF_MATCH) : null;
    String body = data.consumeBoolean() ? data.consumeRemainingAsString() : json(data, 0);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (InMemoryUserProfileService fake = InMemoryUserProfileService.builder().policy(POLICY).build()) {
      VerifiedUser user = fake.verify(fake.tokens().validIdToken(fake.seed(TestUsers.email("ada@example.com"))));
      long before = fake.getProfile(user).version();
      ProfileResource resource = new ProfileResource(fake, new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        UserProfile stored = resource.patch(user, "application/merge-patch+json", ifMatch, body);
        assertThat(stored.version()).isEqualTo(before + 1);
        assertThat(fake.getProfile(user)).isEqualTo(stored);
      } catch (HttpProblem problem) {
        assertThat(problem.status()).as("status of %s", problem.body()).isIn(CLIENT_STATUSES);
        assertThat(problem.body()).containsKey("error");
        assertThat(fake.getProfile(user).version()).as("a refused body changed nothing").isEqualTo(before);
      }
      assertThat(log.toString(StandardCharsets.UTF_8)).as("unexpected failure logged").isEmpty();
    }
  }

  /** JSON-shaped text from a small grammar, so the fuzzer reaches past the parser; may be malformed on purpose. */
  private static String json(FuzzedDataProvider data, int depth) {
    if (data.remainingBytes() == 0) {
      return "";
    }
    int kind = data.consumeInt(0, depth > 8 ? 6 : 9);
    switch (kind) {
      case 0: return "null";
      case 1: return data.consumeBoolean() ? "true" : "false";
      case 2: return Long.toString(data.consumeLong());
      case 3: return data.pickValue(List.of("0.25", "1e400", "-0", "1E-400", "12345678901234567890", "1.5e308", "-9223372036854775809", "NaN", "01"));
      case 4: return quote(data.consumeString(40));
      case 5: return quote(data.pickValue(KEYS));
      case 6: return data.consumeString(8);
      case 7: case 8: {
        StringBuilder object = new StringBuilder("{");
        int members = data.consumeInt(0, 5);
        for (int i = 0; i < members; i++) {
          if (i > 0) {
            object.append(',');
          }
          object.append(data.consumeBoolean() ? quote(data.pickValue(KEYS)) : quote(data.consumeString(12)))
              .append(':').append(json(data, depth + 1));
        }
        return object.append(data.consumeInt(0, 20) == 0 ? "" : "}").toString();
      }
      default: {
        StringBuilder array = new StringBuilder("[");
        int elements = data.consumeInt(0, 4);
        for (int i = 0; i < elements; i++) {
          if (i > 0) {
            array.append(',');
          }
          array.append(json(data, depth + 1));
        }
        return array.append(']').toString();
      }
    }
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
