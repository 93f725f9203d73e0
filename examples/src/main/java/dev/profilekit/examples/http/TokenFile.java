package dev.profilekit.examples.http;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileKitException;
import dev.profilekit.UserProfileService;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local demo user's access token in an owner-only file that stays valid: a minute before the
 * token expires this renews it with the session's refresh token and replaces the file, so the
 * printed {@code curl} commands (which read the file on every call) keep working without a restart.
 * The token is never printed; the file is deleted when the JVM exits.
 */
final class TokenFile implements AutoCloseable {

  /** How long before expiry the token is renewed. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final UserProfileService service;
  private final Clock clock;
  private final PrintStream out;
  private final Path path;
  private final ScheduledExecutorService renewer;
  private volatile AuthSession session;

  private TokenFile(UserProfileService service, AuthSession session, Clock clock, PrintStream out) {
    this.service = service;
    this.clock = clock;
    this.out = out;
    this.session = session;
    try {
      this.path = Files.createTempFile("profilekit-token-", ".jwt", OWNER_ONLY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the token file", e);
    } catch (UnsupportedOperationException noPosix) {
      throw new IllegalStateException("the token file needs a POSIX file system (owner-only permissions)", noPosix);
    }
    path.toFile().deleteOnExit();
    write(session);
    this.renewer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "profile-http-token-renewer");
      thread.setDaemon(true);
      return thread;
    });
    scheduleRenewal();
  }

  /**
   * Writes the session's access token to a new owner-only file and keeps it renewed.
   *
   * @param service the service that issued the session, which refreshes it
   * @param session a signed-in session with a refresh token
   * @param clock the clock that decides when to renew
   * @param out where each renewal is announced (without the token)
   * @return the file, already written
   */
  static TokenFile create(UserProfileService service, AuthSession session, Clock clock, PrintStream out) {
    return new TokenFile(service, session, clock, out);
  }

  Path path() {
    return path;
  }

  /** When the token now in the file expires. */
  Instant expiresAt() {
    return session.expiresAt();
  }

  /** How long from now the next renewal runs: a minute before expiry, or at half the time left if less than two minutes are left. */
  Duration untilRenewal() {
    Duration left = Duration.between(clock.instant(), session.expiresAt());
    Duration delay = left.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) >= 0 ? left.minus(RENEW_BEFORE_EXPIRY) : left.dividedBy(2);
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  /**
   * Renews the token now and replaces the file's content: the refresh the renewer runs before expiry.
   *
   * @throws ProfileKitException if the service refuses the refresh (the old token stays in the file)
   */
  void renew() {
    AuthSession renewed = service.refresh(session);
    write(renewed);
    session = renewed;
    out.println("profile-http: renewed the access token in " + path + "; it expires at " + expiresAtText());
  }

  /** The expiry as printed: UTC, to the second. */
  String expiresAtText() {
    return session.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private void scheduleRenewal() {
    renewer.schedule(() -> {
      try {
        renew();
        scheduleRenewal();
      } catch (ProfileKitException | UncheckedIOException failed) {
        // The message never holds a token; after this the commands answer 401 EXPIRED, so say how to recover.
        out.println("profile-http: cannot renew the access token (" + failed.getClass().getSimpleName() + ": "
            + failed.getMessage() + "); restart the service for a fresh one");
      }
    }, untilRenewal().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void write(AuthSession current) {
    try {
      // Write beside the file and move it over: a curl reading the file sees the old or the new token, never half of one.
      Path next = Files.createTempFile(path.getParent(), "profilekit-token-", ".next", OWNER_ONLY);
      try {
        Files.writeString(next, current.accessToken(), StandardCharsets.US_ASCII);
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token file", e);
    }
  }

  /** Stops renewing and deletes the file. */
  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // deleteOnExit still removes it when the JVM exits.
    }
  }
}
