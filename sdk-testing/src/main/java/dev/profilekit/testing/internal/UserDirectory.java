package dev.profilekit.testing.internal;

import dev.profilekit.EmailInUseException;
import dev.profilekit.GroupNotFoundException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.NewUser;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.PasswordResetRequiredException;
import dev.profilekit.SignUpRequest;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.SrpClient;
import dev.profilekit.internal.SrpGroup;
import dev.profilekit.internal.SrpServer;
import dev.profilekit.internal.UserAdministration;
import dev.profilekit.testing.internal.UserRecord.IssuedCode;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The in-memory user pool: users, their passwords' SRP verifiers ({@link PasswordHasher}) and the
 * codes sent to them, with Cognito's rules (default password policy, code lifetimes, the same
 * error for an unknown user and a wrong password). Writes are serialised; reads are lock-free.
 *
 * <p>Password sign-in is Cognito's SRP: the server's half ({@link #initiateSrp}, {@link
 * #answerPasswordVerifier}) answers {@code SRP_A} with a {@code PASSWORD_VERIFIER} challenge and
 * checks the {@code PASSWORD_CLAIM_SIGNATURE}; {@link #authenticate} runs the AWS client's half
 * ({@link SrpClient}) against it.
 */
public final class UserDirectory {

  /** How long a sign-up confirmation code is accepted (Cognito: 24 hours). */
  public static final Duration CONFIRMATION_CODE_LIFETIME = Duration.ofHours(24);
  /** How long a password reset code is accepted (Cognito: 1 hour). */
  public static final Duration RESET_CODE_LIFETIME = Duration.ofHours(1);
  /** How long a sign-in challenge can be answered (Cognito: 3 minutes by default). */
  public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
  /** How long the code sent to a new email is accepted, as Cognito's attribute verification codes. */
  public static final Duration EMAIL_CHANGE_CODE_LIFETIME = Duration.ofHours(24);

  private record PendingChallenge(String userId, String username, Instant expiresAt) {}

  /** An open {@code PASSWORD_VERIFIER} challenge; userId is null for an unknown user. */
  private record PendingVerifier(String userId, String userIdForSrp, String srpA, SrpServer server, String secretBlock,
      Instant expiresAt) {}

  /**
   * What the server answers {@code SRP_A} with, as Cognito's {@code PASSWORD_VERIFIER} challenge
   * parameters, and the challenge session.
   *
   * @param userIdForSrp {@code USER_ID_FOR_SRP}
   * @param salt {@code SALT}, hex
   * @param srpB {@code SRP_B}, hex
   * @param secretBlock {@code SECRET_BLOCK}, base64
   * @param session the session to answer with
   */
  public record PasswordVerifierChallenge(String userIdForSrp, String salt, String srpB, String secretBlock, String session) {
    @Override
    public String toString() {
      return "PasswordVerifierChallenge[" + userIdForSrp + ", ****]";
    }
  }

  /** The pool name of a directory built without one: the default test issuer's. */
  public static final String DEFAULT_POOL_NAME = "PrOfIlEkT";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private final ConcurrentHashMap<String, UserRecord> byUsername = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, UserRecord> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> confirmationOutbox = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> resetOutbox = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, PendingChallenge> challenges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, PendingVerifier> verifiers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> invitationOutbox = new ConcurrentHashMap<>();
  private final Set<String> groups = ConcurrentHashMap.newKeySet();
  private final AtomicLong claimsChecked = new AtomicLong();
  private final AtomicLong claimsProven = new AtomicLong();
  private final PendingEmailChanges emailChanges = new PendingEmailChanges();
  private final Clock clock;
  private final String fixedCode;
  private final String poolName;

  /**
   * Creates an empty directory of the pool {@link #DEFAULT_POOL_NAME}.
   *
   * @param clock the clock codes expire by
   * @param fixedCode the code every confirmation and reset sends, or null for random six digits
   */
  public UserDirectory(Clock clock, String fixedCode) {
    this(clock, fixedCode, DEFAULT_POOL_NAME);
  }

  /**
   * Creates an empty directory.
   *
   * @param clock the clock codes and challenges expire by
   * @param fixedCode the code every confirmation and reset sends, or null for random six digits
   * @param poolName the pool name SRP hashes ({@link #poolNameOf(String)})
   */
  public UserDirectory(Clock clock, String fixedCode, String poolName) {
    this.clock = clock;
    this.fixedCode = fixedCode;
    this.poolName = poolName;
  }

  /**
   * Returns the pool name SRP hashes for an issuer: the part after the underscore of its last
   * path segment ({@code PrOfIlEkT} for {@code .../us-east-1_PrOfIlEkT}), or the whole segment
   * when it has none.
   *
   * @param issuer the user pool's issuer URL
   * @return the pool name
   */
  public static String poolNameOf(String issuer) {
    String segment = issuer.substring(issuer.lastIndexOf('/') + 1);
    int underscore = segment.indexOf('_');
    if (segment.isEmpty()) {
      return DEFAULT_POOL_NAME;
    }
    return underscore >= 0 && underscore < segment.length() - 1 ? SrpGroup.poolName(segment) : segment;
  }

  /**
   * Returns the pool name SRP hashes.
   *
   * @return the pool name
   */
  public String poolName() {
    return poolName;
  }

  /**
   * Computes what the directory keeps of a user's password: its SRP verifier.
   *
   * @param userId the user's id ({@code USER_ID_FOR_SRP})
   * @param password the password
   * @return the verifier
   */
  public PasswordHasher.PasswordHash hashPassword(String userId, String password) {
    return PasswordHasher.hash(poolName, userId, password);
  }

  /**
   * Registers an email and password user, unconfirmed, and "sends" a confirmation code.
   *
   * @param request the sign-up
   * @return the new user
   */
  public synchronized UserRecord signUp(SignUpRequest request) {
    String username = checkEmail(request.email());
    checkPassword(request.password());
    if (byUsername.containsKey(key(username))) {
      throw new UserAlreadyExistsException("An account with this email already exists");
    }
    Map<String, String> attributes = new LinkedHashMap<>(request.attributes());
    attributes.put("email", username);
    attributes.put("email_verified", "false");
    request.givenName().ifPresent(v -> attributes.put("given_name", v));
    request.familyName().ifPresent(v -> attributes.put("family_name", v));
    request.displayName().ifPresent(v -> attributes.put("name", v));
    request.locale().ifPresent(v -> attributes.put("locale", v));
    String userId = UUID.randomUUID().toString();
    UserRecord user = new UserRecord(userId, username, attributes, hashPassword(userId, request.password()),
        false, false, IdentityProvider.COGNITO, List.of(), List.of(), clock.instant(), null, null, true, false);
    store(user);
    sendConfirmationCode(user);
    return byId.get(user.userId());
  }

  /**
   * Adds a user as a fixture would: any provider, confirmed or not, with a permanent or
   * temporary password.
   *
   * @param user the user
   * @return the stored user
   */
  public synchronized UserRecord seed(UserRecord user) {
    if (byUsername.containsKey(key(user.username())) || byId.containsKey(user.userId())) {
      throw new UserAlreadyExistsException("A user with this username or id is already seeded");
    }
    store(user);
    // A fixture's groups exist in its pool, as the groups of a real user do.
    groups.addAll(user.groups());
    if (!user.confirmed()) {
      sendConfirmationCode(user);
    }
    return byId.get(user.userId());
  }

  /**
   * Creates an email user as an administrator does: confirmed, email verified, with a temporary
   * password (generated and "sent" with the invitation when none is given) that the first sign-in
   * must replace.
   *
   * @param request the new user
   * @return the stored user
   */
  public synchronized UserRecord createByAdmin(NewUser request) {
    UserAdministration.newUser(request);
    String username = checkEmail(request.email());
    request.temporaryPassword().ifPresent(UserDirectory::checkPassword);
    if (byUsername.containsKey(key(username))) {
      throw new UserAlreadyExistsException("An account with this email already exists");
    }
    // Cognito's generated temporary passwords meet the pool's policy; this one does too.
    String temporaryPassword = request.temporaryPassword().orElseGet(() -> "Tmp-" + Secrets.randomDigits(6) + "aA!");
    Map<String, String> attributes = new LinkedHashMap<>(UserAdministration.attributesOf(request, username));
    String userId = UUID.randomUUID().toString();
    UserRecord user = store(new UserRecord(userId, username, attributes, hashPassword(userId, temporaryPassword),
        true, true, IdentityProvider.COGNITO, List.of(), List.of(), clock.instant(), null, null, true, false));
    if (request.sendInvitation()) {
      invitationOutbox.put(key(username), temporaryPassword);
    }
    return user;
  }

  /**
   * Enables or disables a user.
   *
   * @param userId the user
   * @param enabled whether they may sign in
   */
  public synchronized void setEnabled(String userId, boolean enabled) {
    store(existing(userId).withEnabled(enabled));
  }

  /**
   * Forces a password reset: the password stops signing in, and a reset code is "sent" when the
   * email is verified.
   *
   * @param userId the user
   */
  public synchronized void forcePasswordReset(String userId) {
    UserRecord user = existing(userId);
    if ("true".equals(user.attributes().get("email_verified"))) {
      String code = newCode();
      store(user.withForcedReset(new IssuedCode(code, clock.instant().plus(RESET_CODE_LIFETIME))));
      resetOutbox.put(key(user.username()), code);
    } else {
      store(user.withForcedReset(null));
    }
  }

  /**
   * Creates a group; an existing one is left as it is.
   *
   * @param groupName the group
   */
  public void createGroup(String groupName) {
    groups.add(UserAdministration.groupName(groupName));
  }

  /**
   * Adds a user to a group, or removes them from it.
   *
   * @param userId the user
   * @param groupName the group
   * @param member true to add, false to remove
   */
  public synchronized void setMembership(String userId, String groupName, boolean member) {
    UserAdministration.groupName(groupName);
    UserRecord user = existing(userId);
    if (!groups.contains(groupName)) {
      throw new GroupNotFoundException("No group with this name in the user pool");
    }
    List<String> next = new ArrayList<>(user.groups());
    next.remove(groupName);
    if (member) {
      next.add(groupName);
    }
    store(user.withGroups(next));
  }

  /**
   * Returns the temporary password sent with the last invitation to an email.
   *
   * @param username the email
   * @return the temporary password, if an invitation was sent
   */
  public Optional<String> lastInvitation(String username) {
    return Optional.ofNullable(invitationOutbox.get(key(username)));
  }

  private UserRecord existing(String userId) {
    UserRecord user = byId.get(userId);
    if (user == null) {
      throw new UserNotFoundException("No user with this id in the user pool");
    }
    return user;
  }

  /**
   * Confirms a sign-up.
   *
   * @param username the email
   * @param code the code
   */
  public synchronized void confirm(String username, String code) {
    UserRecord user = byUsername.get(key(required("username", username)));
    required("code", code);
    if (user == null || user.confirmed()) {
      // Cognito (with user existence errors prevented) does not say whether the user exists.
      throw new InvalidCodeException("The confirmation code is wrong or expired");
    }
    checkCode(user.confirmationCode(), code, "confirmation");
    store(user.confirmedWithVerifiedEmail());
  }

  /**
   * Sends a new confirmation code; does nothing for unknown or confirmed users.
   *
   * @param username the email
   */
  public synchronized void resendConfirmationCode(String username) {
    UserRecord user = byUsername.get(key(required("username", username)));
    if (user != null && !user.confirmed()) {
      sendConfirmationCode(user);
    }
  }

  /**
   * Checks a password sign-in by SRP, as the AWS client signs in ({@code USER_SRP_AUTH}): the
   * client's half ({@link SrpClient}, the same code) proves the password to this directory's
   * server half; the password itself is never compared.
   *
   * @param username the email
   * @param password the password
   * @return the user, who may still have to change a temporary password
   */
  public UserRecord authenticate(String username, String password) {
    required("username", username);
    required("password", password);
    SrpClient client = SrpClient.start(RANDOM);
    PasswordVerifierChallenge challenge = initiateSrp(username, client.publicValueHex());
    SrpClient.PasswordClaim claim = client.claim(poolName, challenge.userIdForSrp(), password, challenge.salt(), challenge.srpB(),
        challenge.secretBlock(), clock.instant());
    return answerPasswordVerifier(challenge.session(), challenge.userIdForSrp(), challenge.secretBlock(), claim.timestamp(),
        claim.signature());
  }

  /**
   * Answers {@code InitiateAuth} with {@code USER_SRP_AUTH}: a {@code PASSWORD_VERIFIER}
   * challenge with the user's salt, a fresh {@code SRP_B} and {@code SECRET_BLOCK}. An unknown
   * user gets a challenge too (over a verifier no password matches), so that, as on Cognito with
   * user existence errors prevented, only the answer fails, the same way as a wrong password.
   *
   * @param username the email
   * @param srpA the client's {@code SRP_A}, hex
   * @return the challenge
   * @throws UserDisabledException if an administrator disabled the user
   * @throws PasswordResetRequiredException if an administrator reset the password
   */
  public PasswordVerifierChallenge initiateSrp(String username, String srpA) {
    UserRecord user = byUsername.get(key(required("username", username)));
    required("srpA", srpA);
    // As Cognito: a disabled user, or one whose password an administrator reset, is told so
    // whatever password they gave.
    if (user != null && !user.enabled()) {
      throw new UserDisabledException("The user's account is disabled");
    }
    if (user != null && user.passwordResetRequired()) {
      throw new PasswordResetRequiredException("An administrator reset the password: confirmForgotPassword with the code sent to the user");
    }
    PasswordHasher.PasswordHash hash = user == null ? null : user.passwordHash();
    String userIdForSrp = hash == null ? username : hash.userIdForSrp();
    // An unknown user's salt and verifier are random: no password matches them.
    String salt = hash == null ? new BigInteger(128, RANDOM).toString(16) : hash.saltHex();
    BigInteger verifier = hash == null ? SrpGroup.G.modPow(new BigInteger(256, RANDOM), SrpGroup.N) : hash.verifier();
    SrpServer server = SrpServer.start(verifier, RANDOM);
    byte[] block = new byte[64];
    RANDOM.nextBytes(block);
    String secretBlock = java.util.Base64.getEncoder().encodeToString(block);
    String session = Secrets.randomToken(48);
    verifiers.put(Secrets.s256(session), new PendingVerifier(hash == null ? null : user.userId(), userIdForSrp, srpA, server,
        secretBlock, clock.instant().plus(CHALLENGE_LIFETIME)));
    return new PasswordVerifierChallenge(userIdForSrp, salt, server.publicValueHex(), secretBlock, session);
  }

  /**
   * Answers {@code RespondToAuthChallenge} with {@code PASSWORD_VERIFIER}: checks the claim
   * against the challenge the session names (once: a session is used up by its answer).
   *
   * @param session the challenge session
   * @param userIdForSrp the {@code USERNAME} of the answer (Cognito wants {@code USER_ID_FOR_SRP})
   * @param secretBlock {@code PASSWORD_CLAIM_SECRET_BLOCK}
   * @param timestamp {@code TIMESTAMP}
   * @param signature {@code PASSWORD_CLAIM_SIGNATURE}
   * @return the user, who may still have to change a temporary password
   * @throws InvalidCredentialsException for a wrong password, an unknown user, or a session that
   *     is unknown, used or expired
   * @throws UserNotConfirmedException for the right password of an unconfirmed user
   */
  public UserRecord answerPasswordVerifier(String session, String userIdForSrp, String secretBlock, String timestamp,
      String signature) {
    PendingVerifier pending = verifiers.remove(Secrets.s256(required("session", session)));
    if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
      throw new InvalidCredentialsException("The challenge session is invalid or expired");
    }
    UserRecord user = pending.userId() == null ? null : byId.get(pending.userId());
    claimsChecked.incrementAndGet();
    boolean proven = pending.server().verifies(pending.srpA(), poolName, pending.userIdForSrp(), pending.secretBlock(), timestamp,
        signature)
        && Secrets.constantTimeEquals(pending.userIdForSrp(), required("userIdForSrp", userIdForSrp))
        && Secrets.constantTimeEquals(pending.secretBlock(), required("secretBlock", secretBlock));
    if (!proven || user == null || user.passwordHash() == null) {
      throw new InvalidCredentialsException("Incorrect username or password");
    }
    claimsProven.incrementAndGet();
    if (!user.confirmed()) {
      throw new UserNotConfirmedException("The user has not confirmed their email yet");
    }
    return user;
  }

  /**
   * Returns how many {@code PASSWORD_VERIFIER} answers were checked (within a live session),
   * proven or not: what the contract counts to see that sign-in went by SRP.
   *
   * @return the count
   */
  public long srpClaimsChecked() {
    return claimsChecked.get();
  }

  /**
   * Returns how many {@code PASSWORD_VERIFIER} answers proved the password.
   *
   * @return the count
   */
  public long srpClaimsProven() {
    return claimsProven.get();
  }

  /**
   * Opens a {@code NEW_PASSWORD_REQUIRED} challenge for a user who signed in with a temporary
   * password.
   *
   * @param user the user
   * @return the opaque challenge session
   */
  public String openNewPasswordChallenge(UserRecord user) {
    String session = Secrets.randomToken(48);
    challenges.put(Secrets.s256(session), new PendingChallenge(user.userId(), user.username(), clock.instant().plus(CHALLENGE_LIFETIME)));
    return session;
  }

  /**
   * Answers a {@code NEW_PASSWORD_REQUIRED} challenge: the temporary password is replaced.
   *
   * @param session the challenge session
   * @param username the username the challenge was for
   * @param newPassword the new password
   * @return the user
   */
  public synchronized UserRecord answerNewPasswordChallenge(String session, String username, String newPassword) {
    required("session", session);
    checkPassword(newPassword);
    PendingChallenge pending = challenges.remove(Secrets.s256(session));
    UserRecord user = pending == null ? null : byId.get(pending.userId());
    if (user == null || !key(pending.username()).equals(key(username)) || !user.mustChangePassword()) {
      throw new InvalidCredentialsException("The challenge session is invalid");
    }
    if (!clock.instant().isBefore(pending.expiresAt())) {
      // Told apart from an invalid session, as Cognito's "session is expired" message tells it apart.
      throw new ChallengeExpiredException("The sign-in challenge expired: sign in again");
    }
    return store(user.withPassword(hashPassword(user.userId(), newPassword), false));
  }

  /**
   * Starts a password reset; does nothing for unknown users, so emails cannot be probed.
   *
   * @param username the email
   */
  public synchronized void forgotPassword(String username) {
    UserRecord user = byUsername.get(key(required("username", username)));
    if (user != null && user.passwordHash() != null) {
      String code = newCode();
      store(user.withResetCode(new IssuedCode(code, clock.instant().plus(RESET_CODE_LIFETIME))));
      resetOutbox.put(key(user.username()), code);
    }
  }

  /**
   * Completes a password reset.
   *
   * @param username the email
   * @param code the reset code
   * @param newPassword the new password
   */
  public synchronized void confirmForgotPassword(String username, String code, String newPassword) {
    UserRecord user = byUsername.get(key(required("username", username)));
    required("code", code);
    checkPassword(newPassword);
    if (user == null) {
      throw new InvalidCodeException("The reset code is wrong or expired");
    }
    checkCode(user.resetCode(), code, "reset");
    store(user.withPassword(hashPassword(user.userId(), newPassword), false));
  }

  /**
   * Changes the password of a signed-in user.
   *
   * @param userId the user
   * @param currentPassword the current password
   * @param newPassword the new password
   */
  public synchronized void changePassword(String userId, String currentPassword, String newPassword) {
    required("currentPassword", currentPassword);
    UserRecord user = byId.get(userId);
    if (!PasswordHasher.matches(currentPassword, user == null ? null : user.passwordHash())) {
      throw new InvalidCredentialsException("Incorrect password");
    }
    checkPassword(newPassword);
    store(user.withPassword(hashPassword(user.userId(), newPassword), false));
  }

  /**
   * Starts an email change as Cognito does with original values kept until verified: the new email
   * and a code wait, and the user's email stays as it is.
   *
   * @param userId the user
   * @param newEmail the new email, already checked
   * @throws EmailInUseException if another user has the email
   */
  public synchronized void requestEmailChange(String userId, String newEmail) {
    existing(userId);
    refuseTaken(userId, newEmail);
    emailChanges.request(userId, newEmail, new IssuedCode(newCode(), clock.instant().plus(EMAIL_CHANGE_CODE_LIFETIME)));
  }

  /**
   * Completes an email change: the pending email becomes the user's verified email (and an email
   * user's username, so the old email no longer signs in).
   *
   * @param userId the user
   * @param code the code sent to the new email
   * @throws InvalidCodeException if the code is wrong or expired, or no change is pending
   * @throws EmailInUseException if another user took the email meanwhile
   */
  public synchronized void confirmEmailChange(String userId, String code) {
    UserRecord user = existing(userId);
    PendingEmailChanges.Pending pending = emailChanges.of(userId)
        .orElseThrow(() -> new InvalidCodeException("The verification code is wrong or expired"));
    checkCode(pending.code(), code, "verification");
    refuseTaken(userId, pending.email());
    emailChanges.done(userId);
    byUsername.remove(key(user.username()));
    store(user.withVerifiedEmail(pending.email()));
  }

  /**
   * Returns the last code sent to a new email by {@link #requestEmailChange(String, String)}.
   *
   * @param newEmail the new email
   * @return the code, if one was sent
   */
  public Optional<String> lastEmailChangeCode(String newEmail) {
    return emailChanges.lastCode(newEmail);
  }

  private void refuseTaken(String userId, String email) {
    UserRecord holder = byUsername.get(key(email));
    if (holder != null && !holder.userId().equals(userId)) {
      throw new EmailInUseException("An account with this email already exists");
    }
  }

  /**
   * Deletes a user; does nothing when there is no such user.
   *
   * @param userId the user's id
   */
  public synchronized void delete(String userId) {
    UserRecord user = byId.remove(userId);
    if (user != null) {
      byUsername.remove(key(user.username()));
      confirmationOutbox.remove(key(user.username()));
      resetOutbox.remove(key(user.username()));
      invitationOutbox.remove(key(user.username()));
      challenges.values().removeIf(pending -> pending.userId().equals(userId));
      verifiers.values().removeIf(pending -> userId.equals(pending.userId()));
      emailChanges.done(userId);
    }
  }

  /**
   * Finds a user by id.
   *
   * @param userId the id
   * @return the user, or null
   */
  public UserRecord byId(String userId) {
    return byId.get(userId);
  }

  /**
   * Finds a user by username or email.
   *
   * @param username the username
   * @return the user
   */
  public Optional<UserRecord> byUsername(String username) {
    return Optional.ofNullable(byUsername.get(key(username)));
  }

  /**
   * Returns the last sign-up confirmation code sent to a username.
   *
   * @param username the email
   * @return the code, if one was sent
   */
  public Optional<String> lastConfirmationCode(String username) {
    return Optional.ofNullable(confirmationOutbox.get(key(username)));
  }

  /**
   * Returns the last password reset code sent to a username.
   *
   * @param username the email
   * @return the code, if one was sent
   */
  public Optional<String> lastResetCode(String username) {
    return Optional.ofNullable(resetOutbox.get(key(username)));
  }

  /**
   * Checks a password against the user pool's default policy: 8 characters or more, with upper
   * and lower case letters, a digit and a symbol.
   *
   * @param password the password
   * @throws PasswordPolicyException if it is too weak; the message never contains it
   */
  public static void checkPassword(String password) {
    if (password == null || password.length() < 8 || password.length() > 256
        || password.chars().noneMatch(Character::isUpperCase)
        || password.chars().noneMatch(Character::isLowerCase)
        || password.chars().noneMatch(Character::isDigit)
        || password.chars().allMatch(Character::isLetterOrDigit)) {
      throw new PasswordPolicyException(
          "The password must have 8 to 256 characters, with an upper and a lower case letter, a digit and a symbol");
    }
  }

  /**
   * Checks an email used as a username.
   *
   * @param email the email
   * @return the email
   */
  public static String checkEmail(String email) {
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new InvalidRequestException("email", RequestChecks.EMAIL_FORMAT, "an address such as name@example.com");
    }
    return email;
  }

  private void sendConfirmationCode(UserRecord user) {
    String code = newCode();
    store(user.withConfirmation(new IssuedCode(code, clock.instant().plus(CONFIRMATION_CODE_LIFETIME))));
    confirmationOutbox.put(key(user.username()), code);
  }

  private void checkCode(IssuedCode issued, String code, String kind) {
    if (issued == null || !Secrets.constantTimeEquals(issued.code(), code)) {
      throw new InvalidCodeException("The " + kind + " code is wrong or expired");
    }
    if (!clock.instant().isBefore(issued.expiresAt())) {
      throw new InvalidCodeException("The " + kind + " code expired; request a new one");
    }
  }

  private String newCode() {
    return fixedCode != null ? fixedCode : Secrets.randomDigits(6);
  }

  private UserRecord store(UserRecord user) {
    byId.put(user.userId(), user);
    byUsername.put(key(user.username()), user);
    return user;
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a non-blank value");
    }
    return value;
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}
