package dev.profilekit.examples.http;

import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.UserProfileService;
import dev.profilekit.examples.Backend;
import dev.profilekit.examples.ExampleEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Runs {@link ProfileHttpService} from the command line on the chosen backend. On the local
 * backends it also signs up a user and writes their access token to an owner-only temporary file, so
 * the printed {@code curl} commands work at once; the token itself is never printed.
 */
final class HttpMain {

  private HttpMain() {}

  /** The running service and its backend; closing stops both (the shutdown hook does it otherwise). */
  static final class Running implements AutoCloseable {
    private final ProfileHttpService http;
    private final ExampleEnvironment environment;
    private final Thread shutdownHook;

    private Running(ProfileHttpService http, ExampleEnvironment environment) {
      this.http = http;
      this.environment = environment;
      this.shutdownHook = new Thread(this::stop, "profile-http-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    ProfileHttpService http() {
      return http;
    }

    private void stop() {
      http.close();
      environment.close();
    }

    @Override
    public void close() {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running or has run: it stops the same things.
      }
    }
  }

  static Running run(String[] args, PrintStream out) {
    Backend backend = Backend.fromArguments(args);
    int port = port(Backend.remainingArguments(args));
    ExampleEnvironment environment = backend.open();
    ProfileHttpService http;
    try {
      http = ProfileHttpService.builder().service(environment.service()).port(port).build();
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
    Running running = new Running(http, environment);
    String base = http.baseUri().toString();
    out.println("Profile service on " + backend.description() + " listening at " + base + " (Ctrl-C stops it)");
    String auth;
    if (backend == Backend.AWS) {
      out.println("Send the access (or ID) token of a user of your pool: export TOKEN=<token>");
      auth = "Authorization: Bearer $TOKEN";
    } else {
      Path tokenFile = signInDemoUser(environment);
      out.println("Signed up " + environment.demoEmail() + "; their access token is in " + tokenFile + " (owner-only file)");
      auth = "Authorization: Bearer $(cat " + tokenFile + ")";
    }
    out.println("  curl -s " + base + "/healthz");
    out.println("  curl -si -H \"" + auth + "\" " + base + "/me/profile");
    out.println("  curl -si -X PATCH -H \"" + auth + "\" -H 'If-Match: \"0\"' -H 'Content-Type: application/merge-patch+json' \\");
    out.println("       -d '{\"displayName\":\"Ada\",\"customFields\":{\"favouriteColour\":\"green\"}}' " + base + "/me/profile");
    // The server's threads keep the JVM alive until Ctrl-C runs the shutdown hook.
    return running;
  }

  private static int port(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--port") && i + 1 < args.size()) {
        try {
          return Integer.parseInt(args.get(i + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--port takes a number");
        }
      }
    }
    return 8080;
  }

  private static Path signInDemoUser(ExampleEnvironment environment) {
    UserProfileService service = environment.service();
    String email = environment.demoEmail();
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String password = "Pk1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    SignUpResult signUp = service.signUp(SignUpRequest.builder().email(email).password(password).givenName("Ada").familyName("Lovelace").build());
    if (!signUp.confirmed()) {
      service.confirmSignUp(email, environment.confirmationCode(email));
    }
    AuthSession session = service.signIn(email, password).sessionOrThrow();
    try {
      Path file = Files.createTempFile("profilekit-token-", ".jwt",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      // An API is called with the access token; the ID token is for the client that signed in.
      Files.writeString(file, session.accessToken(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token file", e);
    } catch (UnsupportedOperationException noPosix) {
      throw new IllegalStateException("the token file needs a POSIX file system (owner-only permissions)", noPosix);
    }
  }
}
