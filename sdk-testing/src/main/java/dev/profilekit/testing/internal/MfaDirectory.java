package dev.profilekit.testing.internal;

import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TooManyAttemptsException;
import dev.profilekit.internal.CodeAttempts;
import dev.profilekit.internal.FirstFactors;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.MfaRequirement;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.StepAnswers;
import dev.profilekit.internal.TotpUris;
import dev.profilekit.internal.PasskeyCeremonies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory user pool's second factors and one-time sign-in codes: each user's {@link
 * MfaPreference}, the MFA challenges a sign-in opens, the choice-based sign-in's first factors
 * ({@link FirstFactors}: {@code SELECT_CHALLENGE}, {@code EMAIL_OTP}, {@code SMS_OTP}) and the ones ({@link MfaChallenges} decides which), the SMS and email codes "sent" for them
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

      @Override
      public String associate(String userId) {
        throw new IllegalStateException("this user pool has no authenticator apps");
      }

      @Override
      public void verify(String userId, String code) {
        throw new IllegalStateException("this user pool has no authenticator apps");
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

    /**
     * Gives the user a new secret to enrol ({@code AssociateSoftwareToken}).
     *
     * @param userId the user
     * @return the Base32 secret
     */
    String associate(String userId);

    /**
     * Confirms the secret last associated with the user ({@code VerifySoftwareToken}).
     *
     * @param userId the user
     * @param code the app's code
     * @throws InvalidCodeException for a wrong code (nothing changes)
     */
    void verify(String userId, String code);
  }

  /**
   * Passkeys of users, which another part of the fake registers: the {@code WEB_AUTHN} challenge
   * asks for the request options of a challenge and has the answer checked.
   */
  public interface PasskeyChallenges {
    /** No user has a passkey. */
    PasskeyChallenges NONE = new PasskeyChallenges() {
      @Override
      public String requestOptions(String userId, String challenge) {
        return PasskeyCeremonies.requestOptions("localhost", challenge, Set.of());
      }

      @Override
      public void verify(String userId, String challenge, String credentialJson) {
        throw new InvalidCredentialsException("The user has no passkey");
      }
    };

    /**
     * Returns the request options of a sign-in challenge.
     *
     * @param userId the user
     * @param challenge the challenge, base64url
     * @return the options, JSON
     */
    String requestOptions(String userId, String challenge);

    /**
     * Checks an assertion of one of the user's passkeys.
     *
     * @param userId the user
     * @param challenge the challenge it must answer
     * @param credentialJson the browser's credential
     * @throws InvalidCredentialsException if it is refused
     */
    void verify(String userId, String challenge, String credentialJson);
  }

  /**
   * What an answer to an MFA or first-factor step led to: the next step, the user signed in, or a
   * password factor chosen, which the caller checks.
   *
   * @param next the next step, or null
   * @param userId the signed-in user, or the user whose password is to be checked; null while a step remains
   * @param passwordChosen whether a password factor was chosen ({@code userId} names the user)
   */
  public record Outcome(SignInStep.Pending next, String userId, boolean passwordChosen) {}

  private record Pending(String userId, String username, String challengeName, String code, Set<MfaMethod> canChoose,
      Set<FirstFactor> factors, Instant expiresAt) {
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
  private volatile MfaConfiguration pool = MfaConfiguration.OPTIONAL;
  private volatile Set<MfaMethod> poolMethods = EnumSet.allOf(MfaMethod.class);
  private volatile String totpIssuer = "profilekit";
  /** Users who confirmed their sign-up with a code and have not signed in since (Cognito lets that sign-in through). */
  private final Set<String> confirmedNotSignedIn = ConcurrentHashMap.newKeySet();
  private volatile PasskeyChallenges passkeys = PasskeyChallenges.NONE;
  private static final SecureRandom RANDOM = new SecureRandom();

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
   * Sets the user pool's MFA setting, which decides what follows a password ({@link MfaRequirement}).
   *
   * @param configuration OFF, OPTIONAL or ON
   * @param methods the second factors the pool allows
   * @param issuer the issuer authenticator apps show for an {@code MFA_SETUP} step
   */
  public void usePool(MfaConfiguration configuration, Set<MfaMethod> methods, String issuer) {
    this.pool = configuration;
    this.poolMethods = Set.copyOf(methods);
    this.totpIssuer = issuer;
  }

  /**
   * Notes that a user confirmed their sign-up with a code: under MFA {@code ON} their next
   * password sign-in needs no second factor, as on Cognito.
   *
   * @param userId the user
   */
  public void confirmedSignUp(String userId) {
    confirmedNotSignedIn.add(userId);
  }

  /**
   * Sets where passkeys are kept (passkey registration).
   *
   * @param passkeys the users' passkeys
   */
  public void usePasskeys(PasskeyChallenges passkeys) {
    this.passkeys = passkeys;
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
    // The fake sends password reset codes by email: email is the account recovery attribute,
    // which Cognito does not use as the second factor a required MFA picks by itself.
    Set<MfaMethod> messageFactors = user.attributes().get("phone_number") != null ? Set.of(MfaMethod.SMS) : Set.of();
    MfaRequirement.User facts = new MfaRequirement.User(preference, authenticators.enrolled(user.userId()), messageFactors,
        confirmedNotSignedIn.remove(user.userId()));
    return MfaRequirement.afterPassword(pool, poolMethods, facts).map(next -> MfaRequirement.MFA_SETUP.equals(next.challengeName())
        ? openTotpSetup(user)
        : open(user.userId(), user.username(), user, next.challengeName(),
            next.canChoose().isEmpty() ? preference.methods() : next.canChoose(), Set.of()));
  }

  /** {@code MFA_SETUP}, met at once with a new secret, as the AWS implementation meets it with AssociateSoftwareToken. */
  private SignInStep.Pending openTotpSetup(UserRecord user) {
    String secret = authenticators.associate(user.userId());
    String session = Secrets.randomToken(48);
    challenges.put(Secrets.s256(session), new Pending(user.userId(), user.username(), MfaRequirement.MFA_SETUP, null, Set.of(),
        Set.of(), clock.instant().plus(UserDirectory.CHALLENGE_LIFETIME)));
    String account = user.email() != null ? user.email() : user.username();
    return new SignInStep.TotpSetup(ChallengeSession.of(MfaRequirement.MFA_SETUP, user.username(), session),
        TotpUris.otpauthUri(totpIssuer, account, secret), secret);
  }

  /**
   * Starts a choice-based sign-in ({@code USER_AUTH}): the preferred factor's challenge when
   * available (its code sent), else the choice ({@link FirstFactors#firstChallenge}).
   *
   * @param user the user
   * @param preferred the preferred factor, or null
   * @param available the factors the user can sign in with
   * @return the step
   */
  public SignInStep.Pending startChoice(UserRecord user, FirstFactor preferred, Set<FirstFactor> available) {
    return open(user.userId(), user.username(), user, FirstFactors.firstChallenge(Optional.ofNullable(preferred), available),
        Set.of(), available);
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
    boolean choice = step.kind() == SignInStep.Kind.SELECT_MFA || step.kind() == SignInStep.Kind.SELECT_CHALLENGE;
    boolean passkey = step.kind() == SignInStep.Kind.PASSKEY;
    String code = choice || passkey ? null : MfaChallenges.code(answer.secret().orElseThrow());
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
    if (step instanceof SignInStep.SelectChallenge select) {
      FirstFactor factor = StepAnswers.chosenFactor(select, answer);
      if (!pending.factors().contains(factor)) {
        throw new InvalidRequestException("answer", RequestChecks.OFFERED_OPTION, "one of the step's options " + pending.factors());
      }
      challenges.remove(key);
      if (FirstFactors.isPassword(factor)) {
        return new Outcome(null, user.userId(), true);
      }
      return new Outcome(open(user.userId(), pending.username(), user, factor.name(), Set.of(), pending.factors()), null, false);
    }
    if (passkey) {
      // The pending challenge's "code" is the WebAuthn challenge; a refused assertion leaves it open.
      passkeys.verify(user.userId(), pending.code(), answer.secret().orElseThrow());
      challenges.remove(key);
      return new Outcome(null, user.userId(), false);
    }
    if (code == null) {
      MfaMethod chosen = answer.mfa().orElseThrow();
      if (!pending.canChoose().contains(chosen)) {
        throw new InvalidRequestException("answer", RequestChecks.OFFERED_OPTION, "one of the step's MFA options " + pending.canChoose());
      }
      challenges.remove(key);
      return new Outcome(open(user.userId(), pending.username(), user, chosen.challengeName(), pending.canChoose(), Set.of()), null,
          false);
    }
    if (MfaRequirement.MFA_SETUP.equals(pending.challengeName())) {
      // VerifySoftwareToken with the session: a wrong code changes nothing and the step stays open.
      authenticators.verify(user.userId(), code);
      challenges.remove(key);
      // Cognito's RespondToAuthChallenge MFA_SETUP completes the sign-in with the app turned on.
      preferences.put(user.userId(), MfaPreference.builder().addMethod(MfaMethod.TOTP).preferred(MfaMethod.TOTP).build());
      return new Outcome(null, user.userId(), false);
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
    return new Outcome(null, user.userId(), false);
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
    confirmedNotSignedIn.remove(userId);
    challenges.values().removeIf(pending -> pending.userId().equals(userId));
  }

  private SignInStep.Pending open(String userId, String username, UserRecord user, String challengeName, Set<MfaMethod> canChoose,
      Set<FirstFactor> factors) {
    String code = null;
    Optional<String> destination = Optional.empty();
    // SMS_OTP (a first factor) is delivered as SMS_MFA is; EMAIL_OTP names both email uses.
    MfaMethod method = FirstFactors.SMS_OTP.equals(challengeName) ? MfaMethod.SMS : MfaChallenges.methodOf(challengeName).orElse(null);
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
    String requestOptions = "{}";
    if (FirstFactors.WEB_AUTHN.equals(challengeName)) {
      code = PasskeyCeremonies.newChallenge(RANDOM);
      requestOptions = passkeys.requestOptions(userId, code);
    }
    String session = Secrets.randomToken(48);
    challenges.put(Secrets.s256(session), new Pending(userId, username, challengeName, code, Set.copyOf(canChoose),
        Set.copyOf(factors), clock.instant().plus(UserDirectory.CHALLENGE_LIFETIME)));
    ChallengeSession challenge = ChallengeSession.of(challengeName, username, session);
    return FirstFactors.isFirstFactor(challengeName)
        ? FirstFactors.step(challenge, destination, factors, requestOptions)
        : MfaChallenges.step(challenge, destination, canChoose);
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
