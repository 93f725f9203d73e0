package dev.profilekit.testing.internal;

import dev.profilekit.testing.internal.UserRecord.IssuedCode;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The email changes of the in-memory user pool that wait for their code, as Cognito keeps an
 * updated email pending until it is verified ({@code AttributesRequireVerificationBeforeUpdate}):
 * at most one per user, the later request replacing the earlier. The codes "sent" are kept by new
 * email for tests to read.
 */
final class PendingEmailChanges {

  /**
   * A requested change.
   *
   * @param email the new email
   * @param code the code sent to it
   */
  record Pending(String email, IssuedCode code) {}

  private final ConcurrentHashMap<String, Pending> byUserId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> outbox = new ConcurrentHashMap<>();

  void request(String userId, String email, IssuedCode code) {
    byUserId.put(userId, new Pending(email, code));
    outbox.put(key(email), code.code());
  }

  Optional<Pending> of(String userId) {
    return Optional.ofNullable(byUserId.get(userId));
  }

  void done(String userId) {
    byUserId.remove(userId);
  }

  Optional<String> lastCode(String email) {
    return Optional.ofNullable(outbox.get(key(email)));
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
