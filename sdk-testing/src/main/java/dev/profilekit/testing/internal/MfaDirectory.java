package dev.profilekit.testing.internal;

import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.ChallengeSession;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TooManyAttemptsException;
import dev.profilekit.internal.CodeAttempts;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory user pool's second factors: each user's {@link MfaPreference}, the MFA challenges
 * a sign-in opens ({@link MfaChallenges} decides which), the SMS and email codes "sent" for them
 * (kept in a mailbox tests read, like the confirmation codes), and the lockout of users who give
 * too many wrong codes ({@link CodeAttempts}).
 *
 * <p>A challenge lives {@link UserDirectory#CHALLENGE_LIFETIME} (Cognito: the app client's
 * authentication session, 3 minutes by default), and so does its code. A wrong code leaves the
 * challenge open, as on Cognito; a right one, or a choice of method, closes it.
 */
public final class MfaDirectory {

  /**
   * Authenticator apps (TOTP) of users, which another part of the fake enrols: MFA only asks
   * whether a user has one and whether a code is right.
   */
  public interface Authenticators {
    /** No user has an authenticator app. */
    Authenticators NONE = new Authenticators() {
      @Override
      public boolean enrolled(String userId) {
        return false;
      }

      @Override
      public boolean verifies(String userId, String code) {
        return false;
      }
    };

    /**
     * Tells whether the user has a verified authenticator app.
     *
     * @param userId the user
     * @return true when enrolled
     */
    boolean enrolled(String userId);

    /**
     * Checks a code of the user's authenticator app.
     *
     * @param userId the user
     * @param code the code
     * @return true when it is right now
     */
    boolean verifies(String userId, String code);
  }

  /**
   * What an answer to an MFA step led to: the next step, or the user, signed in.
   *
   * @param next the next step, or null when signed in
   * @param userId the signed-in user, or null while a step remains
   */
  public record Outcome(SignInStep.Pending next, String userId) {}

  private record Pending(String userId, String username, String challengeName, String code, Set<MfaMethod> canChoose,
      Instant expiresAt) {
    @Override
    public String toString() {
      return "Pending[" + challengeName + ", ****]";
    }
  }

  private final ConcurrentHashMap<String, MfaPreference> preferences = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Pending> challenges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CodeAttempts> attempts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> outbox = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String fixedCode;
  private volatile Authenticators authenticators = Authenticators.NONE;

  /**
   * Creates an empty directory.
   *
   * @param clock the clock challenges and lockouts run by
   * @param fixedCode the code every SMS and email carries, or null for random six digits
   */
  public MfaDirectory(Clock clock, String fixedCode) {
    this.clock = clock;
    this.fixedCode = fixedCode;
  }

  /**
   * Sets where authenticator apps are kept (TOTP enrolment).
   *
   * @param authenticators the users' apps
   */
  public void useAuthenticators(Authenticators authenticators) {
    this.authenticators = authenticators;
  }

  /**
   * Sets a user's second factors, as {@code (Admin)SetUserMFAPreference}.
   *
   * @param user the user
   * @param preference the whole new state
   * @throws InvalidRequestException if TOTP is turned on without an enrolled authenticator app
   */
  public void setPreference(UserRecord user, MfaPreference preference) {
    RequestChecks.required(preference, "preference");
    // Cognito refuses to turn TOTP on for a user who has not verified an authenticator app.
    RequestChecks.check(!preference.methods().contains(MfaMethod.TOTP) || authenticators.enrolled(user.userId()),
        "preference", RequestChecks.CONSISTENT, "TOTP only after the user verified an authenticator app");
    preferences.put(user.userId(), preference);
  }

  /**
   * Returns a user's second factors.
   *
   * @param userId the user
   * @return the preference, {@link MfaPreference#none()} by default
   */
  public MfaPreference preference(String userId) {
    return preferences.getOrDefault(userId, MfaPreference.none());
  }

  /**
   * Opens the MFA challenge that follows the user's proven password, if their preference asks
   * for one, and sends its code.
   *
   * @param user the user who just proved the password
   * @return the step, or empty when the password signs the user in
   */
  public Optional<SignInStep.Pending> afterPassword(UserRecord user) {
    MfaPreference preference = preference(user.userId());
    return MfaChallenges.afterPassword(preference).map(challenge -> open(user.userId(), user.username(), user, challenge,
        preference.methods()));
  }

  /**
   * Answers an MFA step: a choice of method opens that method's challenge; a right code signs the
   * user in.
   *
   * @param step the step, already checked against the answer ({@code StepAnswers})
   * @param answer the answer
   * @param users the user pool, to find the user
   * @return the next step or the signed-in user
   * @throws InvalidCredentialsException if the session is not an open challenge of this fake
   * @throws ChallengeExpiredException if the challenge expired
   * @throws TooManyAttemptsException while the user is locked out after too many wrong codes
   * @throws InvalidCodeException for a wrong code
   */
  public Outcome answer(SignInStep.Pending step, SignInAnswer answer, UserDirectory users) {
    ChallengeSession challenge = step.challenge();
    String code = step.kind() == SignInStep.Kind.SELECT_MFA ? null : MfaChallenges.code(answer.secret().orElseThrow());
    String key = Secrets.s256(RequestChecks.requiredText(challenge.session(), "step.session"));
    Pending pending = challenges.get(key);
    if (pending == null || !pending.challengeName().equals(challenge.challengeName())
        || !pending.username().toLowerCase(Locale.ROOT).equals(challenge.username().toLowerCase(Locale.ROOT))) {
      throw new InvalidCredentialsException("The challenge session is invalid or expired");
    }
    Instant now = clock.instant();
    if (!now.isBefore(pending.expiresAt())) {
      challenges.remove(key);
      // Told apart from an invalid session, as Cognito's "session is expired" message tells it apart.
      throw new ChallengeExpiredException("The sign-in challenge expired: sign in again");
    }
    UserRecord user = users.byId(pending.userId());
    if (user == null) {
      challenges.remove(key);
      throw new InvalidCredentialsException("The challenge session is invalid or expired");
    }
    if (code == null) {
      MfaMethod chosen = answer.mfa().orElseThrow();
      if (!pending.canChoose().contains(chosen)) {
        throw new InvalidRequestException("answer", RequestChecks.OFFERED_OPTION, "one of the step's MFA options " + pending.canChoose());
      }
      challenges.remove(key);
      return new Outcome(open(user.userId(), pending.username(), user, chosen.challengeName(), pending.canChoose()), null);
    }
    CodeAttempts tries = attempts.getOrDefault(user.userId(), CodeAttempts.NONE);
    if (tries.lockedAt(now)) {
      throw new TooManyAttemptsException("Too many wrong codes: the user must wait before trying again");
    }
    boolean right = pending.code() == null
        ? authenticators.verifies(user.userId(), code)
        : Secrets.constantTimeEquals(pending.code(), code);
    if (!right) {
      attempts.put(user.userId(), tries.failedAt(now));
      throw new InvalidCodeException("The code is wrong or has expired");
    }
    challenges.remove(key);
    attempts.remove(user.userId());
    return new Outcome(null, user.userId());
  }

  /**
   * Returns the last sign-in code sent to a user by text message or email, like reading their
   * phone or inbox.
   *
   * @param username the username (the email)
   * @return the code, if one was sent
   */
  public Optional<String> lastCode(String username) {
    return Optional.ofNullable(outbox.get(username.toLowerCase(Locale.ROOT)));
  }

  /**
   * Forgets a deleted user.
   *
   * @param userId the user
   */
  public void forget(String userId) {
    preferences.remove(userId);
    attempts.remove(userId);
    challenges.values().removeIf(pending -> pending.userId().equals(userId));
  }

  private SignInStep.Pending open(String userId, String username, UserRecord user, String challengeName, Set<MfaMethod> canChoose) {
    String code = null;
    Optional<String> destination = Optional.empty();
    MfaMethod method = MfaChallenges.methodOf(challengeName).orElse(null);
    if (method == MfaMethod.SMS || method == MfaMethod.EMAIL) {
      String to = user.attributes().get(method == MfaMethod.SMS ? "phone_number" : "email");
      if (to == null || to.isBlank()) {
        throw new ProfileKitException("The user has " + method + " MFA turned on but no "
            + (method == MfaMethod.SMS ? "phone_number" : "email") + " to send the code to");
      }
      code = fixedCode != null ? fixedCode : Secrets.randomDigits(6);
      outbox.put(username.toLowerCase(Locale.ROOT), code);
      destination = Optional.of(method == MfaMethod.SMS ? maskPhone(to) : maskEmail(to));
    }
    String session = Secrets.randomToken(48);
    challenges.put(Secrets.s256(session), new Pending(userId, username, challengeName, code, Set.copyOf(canChoose),
        clock.instant().plus(UserDirectory.CHALLENGE_LIFETIME)));
    return MfaChallenges.step(ChallengeSession.of(challengeName, username, session), destination, canChoose);
  }

  /** As Cognito shows a phone number: all but the last four digits hidden. */
  private static String maskPhone(String phone) {
    int keep = Math.min(4, phone.length());
    return "+" + "*".repeat(Math.max(0, phone.length() - keep - 1)) + phone.substring(phone.length() - keep);
  }

  /** As Cognito shows an email: {@code a***@e***.com}. */
  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    int dot = email.lastIndexOf('.');
    if (at < 1 || dot < at + 2) {
      return "***";
    }
    return email.charAt(0) + "***@" + email.charAt(at + 1) + "***" + email.substring(dot);
  }
}
