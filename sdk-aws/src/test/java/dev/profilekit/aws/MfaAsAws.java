package dev.profilekit.aws;

import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.AwsAnswers.Reply;
import dev.profilekit.internal.CodeAttempts;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminSetUserMfaPreferenceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserMfaPreferenceRequest;

/**
 * Stands in, with {@link AwsAnswers}, for AWS's SMS and email MFA, which cognito-local lacks or
 * gets wrong ({@code docs/emulators.md}; {@code MfaGapsIT} shows each raw gap): it has no {@code
 * AdminSetUserMFAPreference} (HTTP 500 {@code Unsupported}) and no {@code EMAIL_OTP}; its {@code
 * SetUserMFAPreference} stores SMS but its sign-in then fails with HTTP 500 "SMS_MFA without SMS
 * MFAOption" (it sends codes only for the legacy {@code MFAOptions}); it ignores the preferred
 * method (always {@code SELECT_MFA_TYPE} with two), accepts any session, never expires a
 * challenge and never locks a user out.
 *
 * <p>What AWS does, from the API references and the user pool MFA guide:
 *
 * <ul>
 *   <li>{@code AdminSetUserMFAPreference} (username or {@code sub}) and {@code
 *       SetUserMFAPreference} (access token) set the user's SMS and email MFA ({@code Enabled},
 *       {@code PreferredMfa}): {@code 200 {}}; an unknown user {@code UserNotFoundException}.
 *   <li>A password sign-in ({@code USER_PASSWORD_AUTH}) of a user with MFA: cognito-local checks the
 *       password (the stand-in signs in with its own client, so every refusal stays
 *       cognito-local's own), then the challenge {@link MfaChallenges#afterPassword} names:
 *       {@code SMS_MFA} / {@code EMAIL_OTP} with {@code CODE_DELIVERY_DESTINATION} (masked) and
 *       {@code CODE_DELIVERY_DELIVERY_MEDIUM}, or {@code SELECT_MFA_TYPE} with {@code
 *       MFAS_CAN_CHOOSE}; {@code USER_ID_FOR_SRP} is the username; a new opaque session.
 *   <li>{@code RespondToAuthChallenge} of such a session: {@code ANSWER} opens the chosen method's
 *       challenge; {@code SMS_MFA_CODE} / {@code EMAIL_OTP_CODE} right gives the tokens
 *       cognito-local issued for the password; wrong {@code CodeMismatchException} (the session
 *       stays usable); after 3 minutes {@code NotAuthorizedException} "Invalid session for the
 *       user, session is expired."; after five wrong codes the lockout of {@link CodeAttempts},
 *       answered {@code NotAuthorizedException} "Password attempts exceeded"; a session it never
 *       issued, for these challenges, {@code NotAuthorizedException} "Invalid session for the user.".
 * </ul>
 *
 * <p>Codes are random six digits, kept in a mailbox ({@link #lastCode}) as the user's phone or
 * inbox would receive them. Challenges and lockouts run on {@link #clock()}, which tests move.
 * Users whose preference includes TOTP are left to cognito-local. The stand-in's own calls go
 * through {@code direct}, a client without interceptors.
 */
final class MfaAsAws {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Pending(String sub, String username, String email, String phone, String challengeName, String code,
      Set<MfaMethod> canChoose, Instant expiresAt, AuthenticationResultType tokens) {}

  private final CognitoIdentityProviderClient direct;
  private final String userPoolId;
  private final TestClock clock = TestClock.startingNow();
  private final Map<String, MfaPreference> preferences = new ConcurrentHashMap<>();
  private final Map<String, Pending> challenges = new ConcurrentHashMap<>();
  private final Map<String, CodeAttempts> attempts = new ConcurrentHashMap<>();
  private final Map<String, String> mailbox = new ConcurrentHashMap<>();

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   */
  MfaAsAws(CognitoIdentityProviderClient direct, String userPoolId) {
    this.direct = direct;
    this.userPoolId = userPoolId;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .replyWith("AdminSetUserMFAPreference", request -> adminSet((AdminSetUserMfaPreferenceRequest) request))
        .replyWith("SetUserMFAPreference", request -> userSet((SetUserMfaPreferenceRequest) request))
        .replyWith("InitiateAuth", request -> signIn((InitiateAuthRequest) request))
        .replyWith("RespondToAuthChallenge", request -> respond((RespondToAuthChallengeRequest) request));
  }

  /**
   * The clock of challenges and lockouts.
   *
   * @return the clock, moved by tests
   */
  TestClock clock() {
    return clock;
  }

  /**
   * Returns the last code sent to a user, by text message or email.
   *
   * @param email the user's email
   * @return the code, if one was sent
   */
  Optional<String> lastCode(String email) {
    return Optional.ofNullable(mailbox.get(email.toLowerCase(Locale.ROOT)));
  }

  /**
   * Puts a code in the user's mailbox, as a text message or email would bring it.
   *
   * @param email the user's email
   * @param code the code
   */
  void deliver(String email, String code) {
    mailbox.put(email.toLowerCase(Locale.ROOT), code);
  }

  /**
   * Returns a user's wrong codes so far, shared by every code challenge (Cognito locks the user out).
   *
   * @param sub the user
   * @return the attempts
   */
  CodeAttempts attempts(String sub) {
    return attempts.getOrDefault(sub, CodeAttempts.NONE);
  }

  /**
   * Records a user's attempts.
   *
   * @param sub the user
   * @param now their new state, or null for none
   */
  void attempts(String sub, CodeAttempts now) {
    if (now == null) {
      attempts.remove(sub);
    } else {
      attempts.put(sub, now);
    }
  }

  private Optional<Reply> adminSet(AdminSetUserMfaPreferenceRequest request) {
    MfaPreference preference = preference(request.smsMfaSettings() != null && Boolean.TRUE.equals(request.smsMfaSettings().enabled()),
        request.smsMfaSettings() != null && Boolean.TRUE.equals(request.smsMfaSettings().preferredMfa()),
        request.emailMfaSettings() != null && Boolean.TRUE.equals(request.emailMfaSettings().enabled()),
        request.emailMfaSettings() != null && Boolean.TRUE.equals(request.emailMfaSettings().preferredMfa()),
        request.softwareTokenMfaSettings() != null && Boolean.TRUE.equals(request.softwareTokenMfaSettings().enabled()));
    Optional<AdminGetUserResponse> user = user(request.username());
    if (user.isEmpty()) {
      return Optional.of(Reply.error("UserNotFoundException", "User does not exist."));
    }
    preferences.put(attribute(user.get(), "sub"), preference);
    return Optional.of(Reply.ok("{}"));
  }

  private Optional<Reply> userSet(SetUserMfaPreferenceRequest request) {
    boolean totp = request.softwareTokenMfaSettings() != null && Boolean.TRUE.equals(request.softwareTokenMfaSettings().enabled());
    if (totp) {
      return Optional.empty();
    }
    GetUserResponse user;
    try {
      user = direct.getUser(b -> b.accessToken(request.accessToken()));
    } catch (AwsServiceException refused) {
      return Optional.empty();
    }
    String sub = user.userAttributes().stream().filter(a -> a.name().equals("sub")).map(AttributeType::value).findFirst().orElseThrow();
    preferences.put(sub, preference(request.smsMfaSettings() != null && Boolean.TRUE.equals(request.smsMfaSettings().enabled()),
        request.smsMfaSettings() != null && Boolean.TRUE.equals(request.smsMfaSettings().preferredMfa()),
        request.emailMfaSettings() != null && Boolean.TRUE.equals(request.emailMfaSettings().enabled()),
        request.emailMfaSettings() != null && Boolean.TRUE.equals(request.emailMfaSettings().preferredMfa()), false));
    return Optional.of(Reply.ok("{}"));
  }

  private static MfaPreference preference(boolean sms, boolean smsPreferred, boolean email, boolean emailPreferred, boolean totp) {
    MfaPreference.Builder preference = MfaPreference.builder();
    if (sms) {
      preference.addMethod(MfaMethod.SMS);
    }
    if (email) {
      preference.addMethod(MfaMethod.EMAIL);
    }
    if (totp) {
      preference.addMethod(MfaMethod.TOTP);
    }
    if (sms && smsPreferred) {
      preference.preferred(MfaMethod.SMS);
    } else if (email && emailPreferred) {
      preference.preferred(MfaMethod.EMAIL);
    }
    return preference.build();
  }

  private Optional<Reply> signIn(InitiateAuthRequest request) {
    if (request.authFlow() != AuthFlowType.USER_PASSWORD_AUTH || !request.hasAuthParameters()) {
      return Optional.empty();
    }
    Optional<AdminGetUserResponse> found = user(request.authParameters().get("USERNAME"));
    MfaPreference preference = found.map(u -> preferences.get(attribute(u, "sub"))).orElse(null);
    if (preference == null || preference.methods().isEmpty() || preference.methods().contains(MfaMethod.TOTP)) {
      return Optional.empty();
    }
    InitiateAuthResponse password;
    try {
      password = direct.initiateAuth(request);
    } catch (AwsServiceException refused) {
      // cognito-local refuses the password: the request itself gets that refusal from it.
      return Optional.empty();
    }
    if (password.authenticationResult() == null) {
      return Optional.empty();
    }
    AdminGetUserResponse user = found.get();
    String challenge = MfaChallenges.afterPassword(preference).orElseThrow();
    return Optional.of(Reply.ok(open(attribute(user, "sub"), user.username(), attribute(user, "email"), attribute(user, "phone_number"),
        challenge, preference.methods(), password.authenticationResult())));
  }

  private Optional<Reply> respond(RespondToAuthChallengeRequest request) {
    String name = request.challengeNameAsString();
    if (!MfaChallenges.SELECT_MFA_TYPE.equals(name) && !MfaChallenges.SMS_MFA.equals(name) && !MfaChallenges.EMAIL_OTP.equals(name)) {
      return Optional.empty();
    }
    Pending pending = request.session() == null ? null : challenges.get(request.session());
    Map<String, String> responses = request.hasChallengeResponses() ? request.challengeResponses() : Map.of();
    String username = responses.getOrDefault("USERNAME", "");
    if (pending == null || !pending.challengeName().equals(name) || !pending.username().equalsIgnoreCase(username)) {
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user."));
    }
    Instant now = clock.instant();
    if (!now.isBefore(pending.expiresAt())) {
      challenges.remove(request.session());
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user, session is expired."));
    }
    if (MfaChallenges.SELECT_MFA_TYPE.equals(name)) {
      Optional<MfaMethod> chosen = MfaChallenges.methodOf(responses.get("ANSWER")).filter(pending.canChoose()::contains);
      if (chosen.isEmpty()) {
        return Optional.of(Reply.error("InvalidParameterException", "Invalid ANSWER for SELECT_MFA_TYPE."));
      }
      challenges.remove(request.session());
      return Optional.of(Reply.ok(open(pending.sub(), pending.username(), pending.email(), pending.phone(),
          chosen.get().challengeName(), pending.canChoose(), pending.tokens())));
    }
    CodeAttempts tries = attempts.getOrDefault(pending.sub(), CodeAttempts.NONE);
    if (tries.lockedAt(now)) {
      return Optional.of(Reply.error("NotAuthorizedException", "Password attempts exceeded"));
    }
    String code = responses.get(MfaChallenges.codeResponseKey(name));
    if (code == null || !code.equals(pending.code())) {
      attempts.put(pending.sub(), tries.failedAt(now));
      return Optional.of(Reply.error("CodeMismatchException", "Invalid code or auth state for the user."));
    }
    challenges.remove(request.session());
    attempts.remove(pending.sub());
    AuthenticationResultType tokens = pending.tokens();
    return Optional.of(Reply.ok("{\"ChallengeParameters\":{},\"AuthenticationResult\":{"
        + "\"AccessToken\":" + quote(tokens.accessToken()) + ",\"IdToken\":" + quote(tokens.idToken())
        + ",\"RefreshToken\":" + quote(tokens.refreshToken()) + ",\"TokenType\":\"Bearer\",\"ExpiresIn\":"
        + (tokens.expiresIn() == null ? 3600 : tokens.expiresIn()) + "}}"));
  }

  /** Opens a challenge and writes AWS's answer that names it; a code challenge "sends" its code. */
  private String open(String sub, String username, String email, String phone, String challengeName, Set<MfaMethod> canChoose,
      AuthenticationResultType tokens) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", username);
    String code = null;
    if (MfaChallenges.SELECT_MFA_TYPE.equals(challengeName)) {
      parameters.put(MfaChallenges.MFAS_CAN_CHOOSE, MfaChallenges.canChooseJson(canChoose));
    } else {
      boolean sms = MfaChallenges.SMS_MFA.equals(challengeName);
      code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
      mailbox.put(email.toLowerCase(Locale.ROOT), code);
      parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", sms ? "SMS" : "EMAIL");
      parameters.put("CODE_DELIVERY_DESTINATION", sms ? maskPhone(phone) : maskEmail(email));
    }
    String session = UUID.randomUUID() + "." + UUID.randomUUID();
    challenges.put(session, new Pending(sub, username, email, phone, challengeName, code, Set.copyOf(canChoose),
        clock.instant().plus(CHALLENGE_LIFETIME), tokens));
    StringBuilder json = new StringBuilder("{\"ChallengeName\":").append(quote(challengeName))
        .append(",\"Session\":").append(quote(session)).append(",\"ChallengeParameters\":{");
    String separator = "";
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      json.append(separator).append(quote(parameter.getKey())).append(':').append(quote(parameter.getValue()));
      separator = ",";
    }
    return json.append("}}").toString();
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

  private static String attribute(AdminGetUserResponse user, String name) {
    return user.userAttributes().stream().filter(a -> name.equals(a.name())).map(AttributeType::value).findFirst()
        .orElse(name.equals("sub") ? user.username() : "");
  }

  private static String maskPhone(String phone) {
    int keep = Math.min(4, phone.length());
    return "+" + "*".repeat(Math.max(0, phone.length() - keep - 1)) + phone.substring(phone.length() - keep);
  }

  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    return at < 1 ? "***" : email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
