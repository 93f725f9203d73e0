package dev.profilekit.aws.emulators;

import dev.profilekit.aws.emulators.AwsAnswers.Reply;
import dev.profilekit.internal.SrpGroup;
import dev.profilekit.internal.SrpServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminSetUserPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChangePasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Stands in for AWS's SRP sign-in ({@code USER_SRP_AUTH}), which cognito-local lacks (HTTP 500
 * {@code Unsupported}, {@code SrpAsAwsIT} shows it): the server's half of Cognito's SRP-6a is
 * played with the same {@link SrpServer} the in-memory fake uses, over verifiers of the passwords
 * this stand-in saw being set, and the tokens are cognito-local's own.
 *
 * <ul>
 *   <li>Passwords are learned from the successful requests that set them, through the client this
 *       stand-in is an interceptor of: {@code SignUp}, {@code AdminCreateUser} (its temporary
 *       password), {@code AdminSetUserPassword}, {@code ChangePassword}, {@code
 *       ConfirmForgotPassword} and {@code RespondToAuthChallenge} with {@code NEW_PASSWORD}. Each
 *       gets a fresh salt; only the verifier is used to answer.
 *   <li>{@code InitiateAuth} with {@code USER_SRP_AUTH} is answered as AWS answers it (the
 *       InitiateAuth reference): the {@code PASSWORD_VERIFIER} challenge with {@code SRP_B}, {@code
 *       SALT}, {@code SECRET_BLOCK}, {@code USER_ID_FOR_SRP} (cognito-local's username of the user,
 *       a UUID in this email-username pool) and a {@code Session}. An unknown user gets a
 *       challenge too, over a verifier no password matches, so that, as with user existence
 *       errors prevented, only the answer fails, like a wrong password.
 *   <li>{@code RespondToAuthChallenge} with {@code PASSWORD_VERIFIER} (the RespondToAuthChallenge
 *       reference: {@code USERNAME} = {@code USER_ID_FOR_SRP}, {@code PASSWORD_CLAIM_SECRET_BLOCK},
 *       {@code PASSWORD_CLAIM_SIGNATURE}, {@code TIMESTAMP}, and {@code SECRET_HASH} over {@code
 *       USER_ID_FOR_SRP} for a client with a secret) is checked: the claim over the session's
 *       exchange, the timestamp's exact form, the same secret block and user id. A wrong claim is
 *       {@code NotAuthorizedException} "Incorrect username or password."; a session is used once
 *       and lasts 3 minutes. A proven claim signs in at cognito-local with {@code
 *       USER_PASSWORD_AUTH} and the learned password (directly, or through the client given to
 *       {@link #signInThrough}), and that answer (tokens, a next challenge such as {@code
 *       NEW_PASSWORD_REQUIRED} or {@code SOFTWARE_TOKEN_MFA}, or an error) is AWS's.
 * </ul>
 *
 * <p>Add it to the client twice: as an interceptor (it learns passwords after the requests
 * succeed) and to the client's {@link AwsAnswers} ({@link #addTo}). A user whose password it never
 * saw set fails loudly, not as a wrong password: that is a test set up past the stand-in.
 */
public final class SrpAsAws implements ExecutionInterceptor {

  /** How long a {@code PASSWORD_VERIFIER} challenge can be answered (Cognito: 3 minutes). */
  static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
  private static final Pattern USERNAME_CLAIM = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A password as the stand-in keeps it: the salt and verifier AWS would keep, and the password for cognito-local. */
  private record Credential(String password, BigInteger salt, BigInteger verifier) {
    @Override
    public String toString() {
      return "Credential[****]";
    }
  }

  /** An open challenge; {@code username} is null for an unknown user. */
  private record Pending(String typedUsername, String username, String srpA, SrpServer server, String secretBlock,
      Instant expiresAt) {}

  private final CognitoIdentityProviderClient direct;
  /** Where a proven claim signs in with the password: {@code direct}, or the client with the other stand-ins. */
  private volatile CognitoIdentityProviderClient passwordSignIns;
  private final String userPoolId;
  private final String poolName;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  /** By cognito-local's username (the user's UUID). */
  private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong claimsChecked = new AtomicLong();
  private final AtomicLong claimsProven = new AtomicLong();

  /**
   * Creates the stand-in for an app client without a secret.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   * @param clientId the app client the service signs in with
   * @param clock the clock challenges expire by
   */
  public SrpAsAws(CognitoIdentityProviderClient direct, String userPoolId, String clientId, Clock clock) {
    this(direct, userPoolId, clientId, null, clock);
  }

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   * @param clientId the app client the service signs in with
   * @param clientSecret its secret, or null; with one, every {@code SECRET_HASH} is checked
   * @param clock the clock challenges expire by
   */
  public SrpAsAws(CognitoIdentityProviderClient direct, String userPoolId, String clientId, String clientSecret, Clock clock) {
    this.direct = direct;
    this.passwordSignIns = direct;
    this.userPoolId = userPoolId;
    this.poolName = SrpGroup.poolName(userPoolId);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  /**
   * Adds AWS's SRP answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  public AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .replyWith("InitiateAuth", this::initiate)
        .replyWith("RespondToAuthChallenge", this::respond);
  }

  /**
   * Makes a proven claim sign in with the password through {@code client} instead of the direct
   * one: the client this stand-in intercepts, say, so that the other stand-ins on it (MFA, account
   * state) answer the password sign-in as they would answer {@code USER_PASSWORD_AUTH}, and AWS's
   * answer after {@code PASSWORD_VERIFIER} is theirs.
   *
   * @param client the client
   * @return this stand-in
   */
  public SrpAsAws signInThrough(CognitoIdentityProviderClient client) {
    this.passwordSignIns = client;
    return this;
  }

  /**
   * Returns how many {@code PASSWORD_VERIFIER} answers were checked, proven or not.
   *
   * @return the count
   */
  public long claimsChecked() {
    return claimsChecked.get();
  }

  /**
   * Returns how many {@code PASSWORD_VERIFIER} answers proved the password.
   *
   * @return the count
   */
  public long claimsProven() {
    return claimsProven.get();
  }

  // ------------------------------------------------------------------ learning passwords

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof SignUpRequest r) {
      learn(r.username(), r.password());
    } else if (request instanceof AdminCreateUserRequest r && r.temporaryPassword() != null) {
      learn(r.username(), r.temporaryPassword());
    } else if (request instanceof AdminSetUserPasswordRequest r) {
      learn(r.username(), r.password());
    } else if (request instanceof ChangePasswordRequest r) {
      learn(usernameClaim(r.accessToken()), r.proposedPassword());
    } else if (request instanceof ConfirmForgotPasswordRequest r) {
      learn(r.username(), r.password());
    } else if (request instanceof RespondToAuthChallengeRequest r && r.hasChallengeResponses()
        && r.challengeResponses().containsKey("NEW_PASSWORD")) {
      learn(r.challengeResponses().get("USERNAME"), r.challengeResponses().get("NEW_PASSWORD"));
    }
  }

  private void learn(String name, String password) {
    if (name == null || password == null) {
      return;
    }
    username(name).ifPresent(username -> {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      BigInteger salt = new BigInteger(1, bytes);
      credentials.put(username, new Credential(password, salt,
          SrpGroup.verifier(SrpGroup.privateKey(poolName, username, password, salt))));
    });
  }

  // ------------------------------------------------------------------ answering

  private Optional<Reply> initiate(SdkRequest request) {
    InitiateAuthRequest auth = (InitiateAuthRequest) request;
    if (auth.authFlow() != AuthFlowType.USER_SRP_AUTH) {
      return Optional.empty();
    }
    Map<String, String> parameters = auth.hasAuthParameters() ? auth.authParameters() : Map.of();
    String typed = parameters.get("USERNAME");
    String srpA = parameters.get("SRP_A");
    if (typed == null || srpA == null) {
      return Optional.of(Reply.error("InvalidParameterException", "Missing required parameter " + (typed == null ? "USERNAME" : "SRP_A")));
    }
    Optional<Reply> badHash = secretHashRefused(typed, parameters.get("SECRET_HASH"));
    if (badHash.isPresent()) {
      return badHash;
    }
    String username = username(typed).orElse(null);
    Credential credential = username == null ? null : credentials.get(username);
    if (username != null && credential == null) {
      throw new IllegalStateException("SrpAsAws never saw this user's password set: create the user through the client it intercepts");
    }
    String userIdForSrp = username == null ? typed : username;
    // An unknown user's salt and verifier are random: no password matches them.
    BigInteger salt = credential == null ? new BigInteger(128, RANDOM) : credential.salt();
    BigInteger verifier = credential == null ? SrpGroup.G.modPow(new BigInteger(256, RANDOM), SrpGroup.N) : credential.verifier();
    SrpServer server = SrpServer.start(verifier, RANDOM);
    byte[] block = new byte[64];
    RANDOM.nextBytes(block);
    String secretBlock = Base64.getEncoder().encodeToString(block);
    byte[] sessionBytes = new byte[48];
    RANDOM.nextBytes(sessionBytes);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(sessionBytes);
    pending.put(session, new Pending(typed, username, srpA, server, secretBlock, clock.instant().plus(CHALLENGE_LIFETIME)));
    Map<String, String> challenge = new LinkedHashMap<>();
    challenge.put("SALT", salt.toString(16));
    challenge.put("SECRET_BLOCK", secretBlock);
    challenge.put("SRP_B", server.publicValueHex());
    challenge.put("USERNAME", userIdForSrp);
    challenge.put("USER_ID_FOR_SRP", userIdForSrp);
    return Optional.of(Reply.ok("{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeParameters\":" + Json.object(challenge)
        + ",\"Session\":" + Json.quote(session) + "}"));
  }

  private Optional<Reply> respond(SdkRequest request) {
    RespondToAuthChallengeRequest answer = (RespondToAuthChallengeRequest) request;
    if (!"PASSWORD_VERIFIER".equals(answer.challengeNameAsString())) {
      return Optional.empty();
    }
    Pending open = answer.session() == null ? null : pending.remove(answer.session());
    if (open == null) {
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user."));
    }
    if (!clock.instant().isBefore(open.expiresAt())) {
      return Optional.of(Reply.error("NotAuthorizedException", "Invalid session for the user, session is expired."));
    }
    Map<String, String> responses = answer.hasChallengeResponses() ? answer.challengeResponses() : Map.of();
    String userIdForSrp = open.username() == null ? open.typedUsername() : open.username();
    // The SECRET_HASH of a PASSWORD_VERIFIER answer is over USER_ID_FOR_SRP, not what the user typed.
    Optional<Reply> badHash = secretHashRefused(userIdForSrp, responses.get("SECRET_HASH"));
    if (badHash.isPresent()) {
      return badHash;
    }
    claimsChecked.incrementAndGet();
    boolean proven = open.server().verifies(open.srpA(), poolName, userIdForSrp, open.secretBlock(), responses.get("TIMESTAMP"),
        responses.get("PASSWORD_CLAIM_SIGNATURE"))
        && userIdForSrp.equals(responses.get("USERNAME"))
        && open.secretBlock().equals(responses.get("PASSWORD_CLAIM_SECRET_BLOCK"));
    Credential credential = open.username() == null ? null : credentials.get(open.username());
    if (!proven || credential == null) {
      return Optional.of(Reply.error("NotAuthorizedException", "Incorrect username or password."));
    }
    claimsProven.incrementAndGet();
    return Optional.of(signInAtCognitoLocal(open.typedUsername(), credential.password()));
  }

  /** The claim is proven: cognito-local's own sign-in gives the tokens or the next challenge. */
  private Reply signInAtCognitoLocal(String typedUsername, String password) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", typedUsername);
    parameters.put("PASSWORD", password);
    if (clientSecret != null) {
      parameters.put("SECRET_HASH", secretHash(typedUsername));
    }
    InitiateAuthResponse signedIn;
    try {
      signedIn = passwordSignIns.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(parameters));
    } catch (CognitoIdentityProviderException refused) {
      String code = refused.awsErrorDetails().errorCode();
      return new Reply(refused.statusCode(), "{\"__type\":" + Json.quote(code) + ",\"message\":"
          + Json.quote(refused.awsErrorDetails().errorMessage()) + "}", code);
    }
    StringBuilder body = new StringBuilder("{");
    AuthenticationResultType result = signedIn.authenticationResult();
    if (result != null) {
      Map<String, String> tokens = new LinkedHashMap<>();
      tokens.put("AccessToken", result.accessToken());
      tokens.put("IdToken", result.idToken());
      tokens.put("RefreshToken", result.refreshToken());
      tokens.put("TokenType", result.tokenType() == null ? "Bearer" : result.tokenType());
      tokens.values().removeIf(value -> value == null);
      String object = Json.object(tokens);
      int expiresIn = result.expiresIn() == null ? 3600 : result.expiresIn();
      body.append("\"AuthenticationResult\":").append(object, 0, object.length() - 1).append(",\"ExpiresIn\":").append(expiresIn)
          .append("},\"ChallengeParameters\":{}");
    } else {
      body.append("\"ChallengeName\":").append(Json.quote(signedIn.challengeNameAsString()))
          .append(",\"ChallengeParameters\":").append(Json.object(signedIn.hasChallengeParameters() ? signedIn.challengeParameters() : Map.of()))
          .append(",\"Session\":").append(Json.quote(signedIn.session()));
    }
    return Reply.ok(body.append('}').toString());
  }

  // ------------------------------------------------------------------ helpers

  private Optional<Reply> secretHashRefused(String username, String presented) {
    if (clientSecret == null) {
      return Optional.empty();
    }
    if (presented == null) {
      return Optional.of(Reply.error("NotAuthorizedException",
          "Client " + clientId + " is configured with secret but SECRET_HASH was not received"));
    }
    boolean matches = MessageDigest.isEqual(secretHash(username).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    return matches ? Optional.empty()
        : Optional.of(Reply.error("NotAuthorizedException", "Unable to verify secret hash for client " + clientId));
  }

  private String secretHash(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /** cognito-local's username (the user's UUID) of a username or email, if the user exists. */
  private Optional<String> username(String name) {
    try {
      return Optional.of(direct.adminGetUser(b -> b.userPoolId(userPoolId).username(name)).username());
    } catch (UserNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String usernameClaim(String jwt) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    Matcher matcher = USERNAME_CLAIM.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    return matcher.find() ? matcher.group(1) : null;
  }

  @Override
  public String toString() {
    return "SrpAsAws[" + userPoolId + ", " + credentials.size() + " users]";
  }
}
