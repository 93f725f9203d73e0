package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README tells a developer to run: the printed token file and curl URL really work. */
class HttpMainTest {

  @Test
  void runOnTheInMemoryServicePrintsWorkingInstructionsAndNoToken() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (HttpMain.Running running = HttpMain.run(new String[] {"--port", "0"}, new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      String output = buffer.toString(StandardCharsets.UTF_8);
      Matcher file = Pattern.compile("access token is in (\\S+) ").matcher(output);
      assertThat(file.find()).as(output).isTrue();
      Path tokenFile = Path.of(file.group(1));
      String token = Files.readString(tokenFile, StandardCharsets.US_ASCII);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      long pid = ProcessHandle.current().pid();
      assertThat(output).contains("(JVM pid " + pid + "; stop it with Ctrl-C or kill " + pid + ")");
      assertThat(output).containsPattern("valid until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ and renewed 1 min before that");
      assertThat(running.tokenFile()).hasValueSatisfying(renewed -> assertThat(renewed.path()).isEqualTo(tokenFile));
      assertThat(output).doesNotContain(token).doesNotContain("eyJ")
          .contains("curl -si -H \"Authorization: Bearer $(cat " + tokenFile + ")\" " + running.http().baseUri() + "/me/profile");
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.http().baseUri() + "/me/profile"))
          .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString()).statusCode();
      assertThat(status).isEqualTo(200);
    }
  }
}
