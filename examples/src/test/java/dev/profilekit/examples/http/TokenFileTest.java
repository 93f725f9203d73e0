package dev.profilekit.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP example's token file: a fresh token without restarting, renewed before the old one expires. */
class TokenFileTest {

  private static final String EMAIL = "ada@example.com";
  private static final String PASSWORD = "Pk1!correct-horse";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void renewWritesAFreshTokenThatWorksAfterTheFirstOneExpired() throws Exception {
    TestClock clock = TestClock.startingNow();
    try (InMemoryUserProfileService service = InMemoryUserProfileService.builder().clock(clock).build()) {
      AuthSession session = signIn(service);
      try (TokenFile file = TokenFile.create(service, session, clock, print())) {
        assertThat(Files.readString(file.path())).isEqualTo(session.accessToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(file.untilRenewal()).isEqualTo(Duration.ofMinutes(59));

        clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> service.verify(session.accessToken()))
            .isInstanceOfSatisfying(TokenRejectedException.class, rejected -> assertThat(rejected.reason().name()).isEqualTo("EXPIRED"));
        file.renew();

        String fresh = Files.readString(file.path());
        assertThat(fresh).isNotEqualTo(session.accessToken());
        assertThat(service.verify(fresh).userId()).isEqualTo(session.user().userId());
        assertThat(file.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .isEqualTo("profile-http: renewed the access token in " + file.path() + "; it expires at " + file.expiresAtText() + "\n")
            .doesNotContain(fresh).doesNotContain("eyJ");
      }
    }
  }

  @Test
  void theRenewerReplacesTheTokenBeforeItExpiresWithoutBeingAsked() throws Exception {
    // Two-second tokens: the renewer runs at half the time left, so within about a second.
    try (InMemoryUserProfileService service = InMemoryUserProfileService.builder()
        .idTokenLifetime(Duration.ofSeconds(2)).accessTokenLifetime(Duration.ofSeconds(2)).build()) {
      AuthSession session = signIn(service);
      try (TokenFile file = TokenFile.create(service, session, Clock.systemUTC(), print())) {
        assertThat(file.untilRenewal()).isLessThanOrEqualTo(Duration.ofSeconds(1));

        String renewed = awaitChange(file.path(), session.accessToken());
        // The renewer replaces the file first and announces it after, so the line can trail the file by a moment.
        String announced = awaitOutput();

        assertThat(service.verify(renewed).userId()).isEqualTo(session.user().userId());
        assertThat(announced).startsWith("profile-http: renewed the access token in " + file.path());
      }
    }
  }

  @Test
  void closeDeletesTheFile() throws Exception {
    try (InMemoryUserProfileService service = InMemoryUserProfileService.create()) {
      TokenFile file = TokenFile.create(service, signIn(service), Clock.systemUTC(), print());
      Path path = file.path();

      file.close();

      assertThat(path).doesNotExist();
    }
  }

  private static AuthSession signIn(UserProfileService service) {
    service.signUp(SignUpRequest.builder().email(EMAIL).password(PASSWORD).build());
    service.confirmSignUp(EMAIL, ((InMemoryUserProfileService) service).lastConfirmationCode(EMAIL).orElseThrow());
    return service.signIn(EMAIL, PASSWORD).sessionOrThrow();
  }

  private static String awaitChange(Path file, String old) throws Exception {
    return await("the token file was renewed", () -> {
      String now = Files.readString(file);
      return now.equals(old) ? null : now;
    });
  }

  private String awaitOutput() throws Exception {
    return await("the renewal was announced", () -> {
      String printed = out.toString(StandardCharsets.UTF_8);
      return printed.endsWith("\n") ? printed : null;
    });
  }

  /** Polls until the probe answers non-null: the renewer runs on its own thread, so the test waits for what it does, not for a duration. */
  private static String await(String what, Probe probe) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String seen = probe.look();
      if (seen != null) {
        return seen;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not within 20 s: " + what);
  }

  @FunctionalInterface
  private interface Probe {
    String look() throws Exception;
  }

  private PrintStream print() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
