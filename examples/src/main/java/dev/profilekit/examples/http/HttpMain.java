package dev.profilekit.examples.http;

import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.UserProfileService;
import dev.profilekit.examples.Backend;
import dev.profilekit.examples.ExampleEnvironment;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link ProfileHttpService} from the command line on the chosen backend. On the local
 * backends it also signs up a user and writes their access token to an owner-only temporary file
 * that it renews before the token expires ({@link TokenFile}), so the printed {@code curl} commands
 * work at once and keep working; the token itself is never printed. It prints the JVM's pid: under
 * {@code mvn -Pdemo package} the service runs in Maven's JVM, and stopping that process (Ctrl-C,
 * or {@code kill} with that pid) runs the shutdown hook, which stops the server and the emulators.
 */
final class HttpMain {

  private HttpMain() {}

  /** The running service and its backend; closing stops both (the shutdown hook does it otherwise). */
  static final class Running implements AutoCloseable {
    private final ProfileHttpService http;
    private final ExampleEnvironment environment;
    private final Thread shutdownHook;
    private volatile TokenFile tokenFile;

    private Running(ProfileHttpService http, ExampleEnvironment environment) {
      this.http = http;
      this.environment = environment;
      this.shutdownHook = new Thread(this::stop, "profile-http-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    ProfileHttpService http() {
      return http;
    }

    /** The demo user's token file on the local backends; empty on AWS. */
    Optional<TokenFile> tokenFile() {
      return Optional.ofNullable(tokenFile);
    }

    private void stop() {
      if (tokenFile != null) {
        tokenFile.close();
      }
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
    long pid = ProcessHandle.current().pid();
    // Under `mvn ... -Pdemo package` this JVM is Maven's own; its pid is what to stop, not a wrapper script's.
    out.println("Profile service on " + backend.description() + " listening at " + base
        + " (JVM pid " + pid + "; stop it with Ctrl-C or kill " + pid + ")");
    String auth;
    if (backend == Backend.AWS) {
      out.println("Send the access (or ID) token of a user of your pool: export TOKEN=<token>");
      auth = "Authorization: Bearer $TOKEN";
    } else {
      TokenFile tokenFile;
      try {
        tokenFile = TokenFile.create(environment.service(), signInDemoUser(environment), Clock.systemUTC(), out);
      } catch (RuntimeException e) {
        running.close();
        throw e;
      }
      running.tokenFile = tokenFile;
      out.println("Signed up " + environment.demoEmail() + "; their access token is in " + tokenFile.path()
          + " (owner-only file), valid until " + tokenFile.expiresAtText() + " and renewed "
          + TokenFile.RENEW_BEFORE_EXPIRY.toMinutes() + " min before that, so these commands keep working:");
      auth = "Authorization: Bearer $(cat " + tokenFile.path() + ")";
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

  private static AuthSession signInDemoUser(ExampleEnvironment environment) {
    UserProfileService service = environment.service();
    String email = environment.demoEmail();
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String password = "Pk1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    SignUpResult signUp = service.signUp(SignUpRequest.builder().email(email).password(password).givenName("Ada").familyName("Lovelace").build());
    if (!signUp.confirmed()) {
      service.confirmSignUp(email, environment.confirmationCode(email));
    }
    // An API is called with the access token; the ID token is for the client that signed in.
    return service.signIn(email, password).sessionOrThrow();
  }
}
