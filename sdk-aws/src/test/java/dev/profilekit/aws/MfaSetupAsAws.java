package dev.profilekit.aws;

import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.AwsAnswers.Reply;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.MfaRequirement;
import dev.profilekit.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenRequest;

/**
 * Stands in, with {@link AwsAnswers}, for a user pool with {@code MfaConfiguration} {@code ON} and
 * authenticator apps (software tokens) as its only second factor, where cognito-local fails: its
 * pool with MFA on refuses the right password of a user without MFA with {@code
 * NotAuthorizedException} ("User not authorized") instead of answering {@code MFA_SETUP}, and it refuses {@code AssociateSoftwareToken} and {@code
 * VerifySoftwareToken} by {@code Session} ({@code InvalidParameterException}, "... (MFA_SETUP flow)
 * is not supported"); {@code MfaSetupIT} shows both raw answers.
 *
 * <p>What AWS does, from the {@code RespondToAuthChallenge}, {@code AssociateSoftwareToken} and
 * {@code VerifySoftwareToken} references and the user pool MFA guide:
 *
 * <ul>
 *   <li>A password sign-in ({@code USER_PASSWORD_AUTH}): cognito-local checks the password (the
 *       stand-in signs in with its own client, so every refusal stays cognito-local's), then the
 *       challenge {@link MfaRequirement#afterPassword} names for a pool with MFA on: none at the
 *       first sign-in after a sign-up confirmed with a code (noted from {@code ConfirmSignUp}); a
 *       user with an authenticator app is left to cognito-local (its pool is {@code OPTIONAL}, so
 *       it asks {@code SOFTWARE_TOKEN_MFA}); anyone else gets {@code MFA_SETUP} with {@code
 *       MFAS_CAN_SETUP} {@code ["SOFTWARE_TOKEN_MFA"]}, {@code USER_ID_FOR_SRP} and a new session.
 *   <li>{@code AssociateSoftwareToken} with that session: {@code SecretCode} and a new {@code
 *       Session} (the secret is cognito-local's, associated with the tokens it issued for the
 *       password, so its later {@code SOFTWARE_TOKEN_MFA} checks the same app).
 *   <li>{@code VerifySoftwareToken} with that session and the code: {@code Status} {@code SUCCESS}
 *       and a new {@code Session} ("This session ID satisfies an MFA_SETUP challenge"); a wrong
 *       code {@code EnableSoftwareTokenMFAException} ("Code mismatch and fail enable Software
 *       Token MFA mfa"), the session still usable.
 *   <li>{@code RespondToAuthChallenge} {@code MFA_SETUP} with that session and {@code USERNAME}:
 *       the tokens (cognito-local's, for the password), with TOTP turned on and preferred.
 *   <li>Every session lives 3 minutes from the sign-in on {@link #clock()}, which tests move; after
 *       that {@code NotAuthorizedException} "Invalid session for the user, session is expired."; a
 *       session it never issued, or of another step, {@code NotAuthorizedException} "Invalid
 *       session for the user.". Calls by access token are left to cognito-local.
 * </ul>
 *
 * <p>The stand-in's own calls go through {@code direct}, a client without interceptors.
 */
final class MfaSetupAsAws {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
  /** The pool this stand-in plays: MFA required, authenticator apps its only second factor. */
  private static final Set<MfaMethod> POOL_METHODS = Set.of(MfaMethod.TOTP);

  private enum Stage { CHALLENGED, ASSOCIATED, VERIFIED }

  private record Pending(String username, Stage stage, Instant expiresAt, AuthenticationResultType tokens) {}

  /** An open session of the step asked for, or AWS's refusal of the one presented. */
  private record Lookup(Pending pending, Reply refusal) {}

  private final CognitoIdentityProviderClient direct;
  private final String userPoolId;
  private final TestClock clock = TestClock.startingNow();
  private final Map<String, Pending> sessions = new ConcurrentHashMap<>();
  private final Set<String> confirmedNotSignedIn = ConcurrentHashMap.newKeySet();
  private final List<String> issued = new ArrayList<>();

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   */
  MfaSetupAsAws(CognitoIdentityProviderClient direct, String userPoolId) {
    this.direct = direct;
    this.userPoolId = userPoolId;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client of the MFA-required pool uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .replyWith("ConfirmSignUp", request -> noteConfirmation((ConfirmSignUpRequest) request))
        .replyWith("InitiateAuth", request -> signIn((InitiateAuthRequest) request))
        .replyWith("AssociateSoftwareToken", request -> associate((AssociateSoftwareTokenRequest) request))
        .replyWith("VerifySoftwareToken", request -> verify((VerifySoftwareTokenRequest) request))
        .replyWith("RespondToAuthChallenge", request -> respond((RespondToAuthChallengeRequest) request));
  }

  /**
   * The clock of the sessions.
   *
   * @return the clock, moved by tests
   */
  TestClock clock() {
    return clock;
  }

  /**
   * Returns the sessions this stand-in issued, in order ({@code MFA_SETUP}, then each {@code
   * AssociateSoftwareToken} and {@code VerifySoftwareToken} answer), so tests can check which one
   * each request carried.
   *
   * @return a copy
   */
  List<String> issuedSessions() {
    synchronized (issued) {
      return List.copyOf(issued);
    }
  }

  private Optional<Reply> noteConfirmation(ConfirmSignUpRequest request) {
    // cognito-local confirms the user itself; AWS's next sign-in is let through (MfaRequirement).
    if (request.username() != null) {
      confirmedNotSignedIn.add(request.username().toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private Optional<Reply> signIn(InitiateAuthRequest request) {
    if (request.authFlow() != AuthFlowType.USER_PASSWORD_AUTH || !request.hasAuthParameters()) {
      return Optional.empty();
    }
    String typed = request.authParameters().get("USERNAME");
    Optional<AdminGetUserResponse> found = user(typed);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdminGetUserResponse user = found.get();
    List<String> methods = user.hasUserMFASettingList() ? user.userMFASettingList() : List.of();
    MfaPreference.Builder preference = MfaPreference.builder();
    methods.forEach(name -> MfaChallenges.methodOf(name).ifPresent(preference::addMethod));
    boolean phone = user.userAttributes().stream().anyMatch(a -> "phone_number".equals(a.name()));
    MfaRequirement.User facts = new MfaRequirement.User(preference.build(), methods.contains(MfaChallenges.SOFTWARE_TOKEN_MFA),
        phone ? Set.of(MfaMethod.SMS) : Set.of(), confirmedNotSignedIn.remove(typed.toLowerCase(Locale.ROOT)));
    Optional<MfaRequirement.Next> next;
    try {
      next = MfaRequirement.afterPassword(MfaConfiguration.ON, POOL_METHODS, facts);
    } catch (ProfileKitException noFactor) {
      return Optional.of(Reply.error("MFAMethodNotFoundException", "No MFA method the user pool requires."));
    }
    if (next.isEmpty() || !MfaRequirement.MFA_SETUP.equals(next.get().challengeName())) {
      // Tokens at the first sign-in, SOFTWARE_TOKEN_MFA for an app: cognito-local's own answers.
      return Optional.empty();
    }
    InitiateAuthResponse password;
    try {
      password = direct.initiateAuth(request);
    } catch (AwsServiceException refused) {
      return Optional.empty();
    }
    if (password.authenticationResult() == null) {
      return Optional.empty();
    }
    String session = open(new Pending(user.username(), Stage.CHALLENGED, clock.instant().plus(CHALLENGE_LIFETIME),
        password.authenticationResult()));
    return Optional.of(Reply.ok("{\"ChallengeName\":\"MFA_SETUP\",\"Session\":" + quote(session) + ",\"ChallengeParameters\":{"
        + quote(MfaRequirement.MFAS_CAN_SETUP) + ":" + quote(MfaRequirement.canSetupJson(POOL_METHODS))
        + ",\"USER_ID_FOR_SRP\":" + quote(user.username()) + "}}"));
  }

  private Optional<Reply> associate(AssociateSoftwareTokenRequest request) {
    if (request.session() == null) {
      return Optional.empty();
    }
    Lookup lookup = pending(request.session(), Stage.CHALLENGED, null);
    if (lookup.refusal() != null) {
      return Optional.of(lookup.refusal());
    }
    Pending challenged = lookup.pending();
    String secret = direct.associateSoftwareToken(b -> b.accessToken(challenged.tokens().accessToken())).secretCode();
    sessions.remove(request.session());
    String session = open(new Pending(challenged.username(), Stage.ASSOCIATED, challenged.expiresAt(), challenged.tokens()));
    return Optional.of(Reply.ok("{\"SecretCode\":" + quote(secret) + ",\"Session\":" + quote(session) + "}"));
  }

  private Optional<Reply> verify(VerifySoftwareTokenRequest request) {
    if (request.session() == null) {
      return Optional.empty();
    }
    Lookup lookup = pending(request.session(), Stage.ASSOCIATED, null);
    if (lookup.refusal() != null) {
      return Optional.of(lookup.refusal());
    }
    Pending associated = lookup.pending();
    try {
      direct.verifySoftwareToken(b -> b.accessToken(associated.tokens().accessToken()).userCode(request.userCode()));
    } catch (AwsServiceException mismatch) {
      // cognito-local says CodeMismatchException; AWS's VerifySoftwareToken says this, and the session stays.
      return Optional.of(Reply.error("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA mfa"));
    }
    sessions.remove(request.session());
    String session = open(new Pending(associated.username(), Stage.VERIFIED, associated.expiresAt(), associated.tokens()));
    return Optional.of(Reply.ok("{\"Status\":\"SUCCESS\",\"Session\":" + quote(session) + "}"));
  }

  private Optional<Reply> respond(RespondToAuthChallengeRequest request) {
    if (!MfaRequirement.MFA_SETUP.equals(request.challengeNameAsString())) {
      return Optional.empty();
    }
    Map<String, String> responses = request.hasChallengeResponses() ? request.challengeResponses() : Map.of();
    Lookup lookup = pending(request.session(), Stage.VERIFIED, responses.getOrDefault("USERNAME", ""));
    if (lookup.refusal() != null) {
      return Optional.of(lookup.refusal());
    }
    Pending verified = lookup.pending();
    sessions.remove(request.session());
    AuthenticationResultType tokens = verified.tokens();
    direct.setUserMFAPreference(b -> b.accessToken(tokens.accessToken()).softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
    return Optional.of(Reply.ok("{\"ChallengeParameters\":{},\"AuthenticationResult\":{"
        + "\"AccessToken\":" + quote(tokens.accessToken()) + ",\"IdToken\":" + quote(tokens.idToken())
        + ",\"RefreshToken\":" + quote(tokens.refreshToken()) + ",\"TokenType\":\"Bearer\",\"ExpiresIn\":"
        + (tokens.expiresIn() == null ? 3600 : tokens.expiresIn()) + "}}"));
  }

  /** The open session at the given stage (and, when given, of that user), or AWS's refusal. */
  private Lookup pending(String session, Stage stage, String username) {
    Pending pending = session == null ? null : sessions.get(session);
    if (pending == null || pending.stage() != stage || (username != null && !pending.username().equalsIgnoreCase(username))) {
      return new Lookup(null, Reply.error("NotAuthorizedException", "Invalid session for the user."));
    }
    if (!clock.instant().isBefore(pending.expiresAt())) {
      sessions.remove(session);
      return new Lookup(null, Reply.error("NotAuthorizedException", "Invalid session for the user, session is expired."));
    }
    return new Lookup(pending, null);
  }

  private String open(Pending pending) {
    String session = UUID.randomUUID() + "." + UUID.randomUUID();
    sessions.put(session, pending);
    synchronized (issued) {
      issued.add(session);
    }
    return session;
  }

  private Optional<AdminGetUserResponse> user(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(direct.adminGetUser(b -> b.userPoolId(userPoolId).username(username)));
    } catch (AwsServiceException notFound) {
      return Optional.empty();
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
