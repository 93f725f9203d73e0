package dev.profilekit.aws;

import dev.profilekit.FirstFactor;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.AwsAnswers.Reply;
import dev.profilekit.internal.CodeAttempts;
import dev.profilekit.internal.FirstFactors;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;

/**
 * Stands in, with {@link AwsAnswers}, for AWS's choice-based sign-in ({@code USER_AUTH}), which
 * cognito-local lacks ({@code InitiateAuth} with it is HTTP 500 {@code Unsupported}; {@code
 * MfaGapsIT} shows it). What AWS does, from the InitiateAuth and RespondToAuthChallenge references:
 *
 * <ul>
 *   <li>{@code InitiateAuth} {@code USER_AUTH} with {@code USERNAME} and an optional {@code
 *       PREFERRED_CHALLENGE}: the preferred factor's challenge when the user can use it ({@code
 *       EMAIL_OTP}, {@code SMS_OTP}, the code sent, {@code CODE_DELIVERY_DESTINATION} masked), else
 *       {@code SELECT_CHALLENGE} with {@code AvailableChallenges} ({@link FirstFactors#available}
 *       offering {@code PASSWORD}, not {@code PASSWORD_SRP}, which this stand-in does not play).
 *   <li>{@code RespondToAuthChallenge} {@code SELECT_CHALLENGE}: {@code ANSWER} {@code EMAIL_OTP} /
 *       {@code SMS_OTP} opens that challenge; {@code PASSWORD} with {@code PASSWORD} signs in (the
 *       password checked by cognito-local).
 *   <li>{@code EMAIL_OTP_CODE} / {@code SMS_OTP_CODE}: right gives tokens; wrong {@code
 *       CodeMismatchException}; after 3 minutes "session is expired"; the lockout of {@link
 *       CodeAttempts}, shared with {@link MfaAsAws}.
 * </ul>
 *
 * <p>With {@link #withPasskeys}, {@code WEB_AUTHN} too: offered to a user with a passkey of {@link
 * PasskeysAsAws}, its challenge carries {@code CREDENTIAL_REQUEST_OPTIONS}, and the {@code
 * CREDENTIAL} answer is checked there (refused: {@code NotAuthorizedException}, the step open).
 *
 * <p>AWS issues tokens for a passwordless sign-in itself; cognito-local issues none without a
 * password, so the stand-in signs the user in with the password it saw at their {@code SignUp}
 * (noted, not answered) and returns cognito-local's own tokens. Codes go to {@link MfaAsAws}'s
 * mailbox and run on its clock.
 */
final class UserAuthAsAws {

  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** What this app client allows (USER_PASSWORD_AUTH, no SRP) and the pool offers. */
  private static final Set<FirstFactor> ALLOWED = EnumSet.of(FirstFactor.PASSWORD, FirstFactor.EMAIL_OTP, FirstFactor.SMS_OTP);

  private record Pending(String sub, String username, String email, String phone, String challengeName, String code,
      Set<FirstFactor> factors, Instant expiresAt) {}

  private final CognitoIdentityProviderClient direct;
  private final String userPoolId;
  private final String clientId;
  private final MfaAsAws mfa;
  private final Map<String, Pending> challenges = new ConcurrentHashMap<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  /** AWS's passkeys, when a run plays them: WEB_AUTHN is then allowed and offered to users with one. */
  private volatile PasskeysAsAws passkeys;

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   * @param clientId the app client the service signs in with
   * @param mfa the MFA stand-in whose mailbox, clock and lockouts are shared
   */
  UserAuthAsAws(CognitoIdentityProviderClient direct, String userPoolId, String clientId, MfaAsAws mfa) {
    this.direct = direct;
    this.userPoolId = userPoolId;
    this.clientId = clientId;
    this.mfa = mfa;
  }

  /**
   * Plays the {@code WEB_AUTHN} challenge too, with the passkeys the given stand-in registered.
   *
   * @param passkeys the passkey stand-in
   * @return this stand-in
   */
  UserAuthAsAws withPasskeys(PasskeysAsAws passkeys) {
    this.passkeys = passkeys;
    return this;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .answerWhen("SignUp", request -> {
          SignUpRequest signUp = (SignUpRequest) request;
          passwords.put(signUp.username().toLowerCase(Locale.ROOT), signUp.password());
          return false;
        }, 200, "{}")
        .replyWith("InitiateAuth", request -> start((InitiateAuthRequest) request))
        .replyWith("RespondToAuthChallenge", request -> respond((RespondToAuthChallengeRequest) request));
  }

  private Optional<Reply> start(InitiateAuthRequest request) {
    if (request.authFlow() != AuthFlowType.USER_AUTH) {
      return Optional.empty();
    }
    Map<String, String> parameters = request.hasAuthParameters() ? request.authParameters() : Map.of();
    Optional<AdminGetUserResponse> found = user(parameters.get("USERNAME"));
    if (found.isEmpty()) {
      return Optional.of(Reply.error("NotAuthorizedException", "Incorrect username or password."));
    }
    AdminGetUserResponse user = found.get();
    String email = attribute(user, "email");
    String phone = attribute(user, "phone_number");
    Set<FirstFactor> allowed = EnumSet.copyOf(ALLOWED);
    if (passkeys != null) {
      allowed.add(FirstFactor.WEB_AUTHN);
    }
    Set<FirstFactor> available = FirstFactors.available(allowed, true, !email.isEmpty(), !phone.isEmpty(),
        passkeys != null && passkeys.has(attribute(user, "sub")));
    Optional<FirstFactor> preferred = FirstFactors.parse(Optional.ofNullable(parameters.get("PREFERRED_CHALLENGE"))
        .map(java.util.List::of).orElse(java.util.List.of())).stream().findFirst();
    String challenge = FirstFactors.firstChallenge(preferred, available);
    return Optional.of(Reply.ok(open(attribute(user, "sub"), user.username(), email, phone, challenge, available)));
  }

  private Optional<Reply> respond(RespondToAuthChallengeRequest request) {
    Pending pending = request.session() == null ? null : challenges.get(request.session());
    if (pending == null) {
      return Optional.empty();
    }
    String name = request.challengeNameAsString();
    Map<String, String> responses = request.hasChallengeResponses() ? request.challengeResponses() : Map.of();
    if (!pending.challengeName().equals(name) || !pending.username().equalsIgnoreCase(responses.getOrDefault("USERNAME", ""))) {
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user."));
    }
    Instant now = mfa.clock().instant();
    if (!now.isBefore(pending.expiresAt())) {
      challenges.remove(request.session());
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user, session is expired."));
    }
    if (FirstFactors.SELECT_CHALLENGE.equals(name)) {
      Optional<FirstFactor> chosen = FirstFactors.parse(java.util.List.of(responses.getOrDefault("ANSWER", ""))).stream()
          .findFirst().filter(pending.factors()::contains);
      if (chosen.isEmpty()) {
        return Optional.of(Reply.error("InvalidParameterException", "Invalid ANSWER for SELECT_CHALLENGE."));
      }
      challenges.remove(request.session());
      if (chosen.get() == FirstFactor.PASSWORD) {
        return Optional.of(tokens(pending.email(), responses.get("PASSWORD")));
      }
      return Optional.of(Reply.ok(open(pending.sub(), pending.username(), pending.email(), pending.phone(), chosen.get().name(),
          pending.factors())));
    }
    if (FirstFactors.WEB_AUTHN.equals(name)) {
      // AWS answers a refused passkey as a refused password (the RespondToAuthChallenge reference
      // names no passkey error); the challenge stays open, as for a wrong code.
      String credential = responses.get("CREDENTIAL");
      if (credential == null || passkeys == null || !passkeys.verify(pending.sub(), pending.code(), credential)) {
        return Optional.of(Reply.error("NotAuthorizedException", "Incorrect username or password."));
      }
      challenges.remove(request.session());
      return Optional.of(tokens(pending.email(), passwords.get(pending.email().toLowerCase(Locale.ROOT))));
    }
    CodeAttempts tries = mfa.attempts(pending.sub());
    if (tries.lockedAt(now)) {
      return Optional.of(Reply.error("NotAuthorizedException", "Password attempts exceeded"));
    }
    String code = responses.get(name + "_CODE");
    if (code == null || !code.equals(pending.code())) {
      mfa.attempts(pending.sub(), tries.failedAt(now));
      return Optional.of(Reply.error("CodeMismatchException", "Invalid code or auth state for the user."));
    }
    challenges.remove(request.session());
    mfa.attempts(pending.sub(), null);
    return Optional.of(tokens(pending.email(), passwords.get(pending.email().toLowerCase(Locale.ROOT))));
  }

  /** cognito-local's tokens for the user, by their password; its refusal of a wrong one, as AWS's. */
  private Reply tokens(String email, String password) {
    if (password == null) {
      return Reply.error("NotAuthorizedException", "Incorrect username or password.");
    }
    AuthenticationResultType tokens;
    try {
      tokens = direct.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
          .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult();
    } catch (AwsServiceException refused) {
      return Reply.error("NotAuthorizedException", "Incorrect username or password.");
    }
    return Reply.ok("{\"ChallengeParameters\":{},\"AuthenticationResult\":{\"AccessToken\":\"" + tokens.accessToken()
        + "\",\"IdToken\":\"" + tokens.idToken() + "\",\"RefreshToken\":\"" + tokens.refreshToken()
        + "\",\"TokenType\":\"Bearer\",\"ExpiresIn\":3600}}");
  }

  private String open(String sub, String username, String email, String phone, String challengeName, Set<FirstFactor> factors) {
    String session = UUID.randomUUID() + "." + UUID.randomUUID();
    String code = null;
    StringBuilder json = new StringBuilder("{\"ChallengeName\":\"").append(challengeName).append("\",\"Session\":\"")
        .append(session).append("\",\"ChallengeParameters\":{\"USER_ID_FOR_SRP\":\"").append(username).append('"');
    if (FirstFactors.SELECT_CHALLENGE.equals(challengeName)) {
      StringJoiner names = new StringJoiner("\",\"", "[\"", "\"]");
      factors.forEach(factor -> names.add(factor.name()));
      json.append("},\"AvailableChallenges\":").append(names).append('}');
    } else if (FirstFactors.WEB_AUTHN.equals(challengeName)) {
      // The pending challenge's "code" is the WebAuthn challenge the assertion must answer.
      code = PasskeysAsAws.newChallenge();
      json.append(",\"CREDENTIAL_REQUEST_OPTIONS\":").append(PasskeysAsAws.quote(passkeys.requestOptions(sub, code))).append("}}");
    } else {
      boolean sms = FirstFactors.SMS_OTP.equals(challengeName);
      code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
      mfa.deliver(email, code);
      String destination = sms ? "+*******" + phone.substring(Math.max(0, phone.length() - 4))
          : email.charAt(0) + "***@" + email.charAt(email.indexOf('@') + 1) + "***";
      json.append(",\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"").append(sms ? "SMS" : "EMAIL")
          .append("\",\"CODE_DELIVERY_DESTINATION\":\"").append(destination).append("\"}}");
    }
    challenges.put(session, new Pending(sub, username, email, phone, challengeName, code, Set.copyOf(factors),
        mfa.clock().instant().plus(CHALLENGE_LIFETIME)));
    return json.toString();
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
}
