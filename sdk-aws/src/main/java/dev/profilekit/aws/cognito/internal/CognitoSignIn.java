package dev.profilekit.aws.cognito.internal;

import dev.profilekit.aws.cognito.PasswordAuthFlow;

import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.FirstFactors;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.StepAnswers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Password sign-in and every step after it: SRP ({@link SrpAuthentication}) or {@code
 * USER_PASSWORD_AUTH}, then new passwords, SMS / TOTP / email codes, MFA and first-factor choices,
 * TOTP setup and passkeys, each answered with one {@code RespondToAuthChallenge}.
 *
 * <p>Every answer is checked against its step first ({@link StepAnswers}), so a mismatch costs no
 * call. Thread-safe; the client is not closed here.
 */
public final class CognitoSignIn {

  private final AppClient app;
  private final ChallengeSteps steps;
  private final CognitoTotpEnrolment totpEnrolment;
  private final CognitoPasskeys passkeys;
  private final SrpAuthentication srp;
  private final PasswordAuthFlow passwordFlow;
  private final int minimumPasswordLength;

  private CognitoSignIn(Builder builder) {
    this.app = new AppClient(builder.cognito, builder.userPoolId, builder.clientId, builder.clientSecret, builder.clock);
    this.steps = new ChallengeSteps(app, builder.totpIssuer);
    this.totpEnrolment = new CognitoTotpEnrolment(app, builder.totpIssuer);
    this.passkeys = new CognitoPasskeys(app);
    this.srp = new SrpAuthentication(app, steps, builder.random);
    this.passwordFlow = builder.passwordFlow;
    this.minimumPasswordLength = builder.minimumPasswordLength;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Signs in with a password, by the configured {@link PasswordAuthFlow}.
   *
   * @param username the user's email or username
   * @param password the password
   * @return tokens, or the next step
   */
  public AuthOutcome signIn(String username, String password) {
    String user = CredentialChecks.username(username);
    String checkedPassword = CredentialChecks.presentedPassword("password", password);
    if (passwordFlow == PasswordAuthFlow.USER_SRP_AUTH) {
      return srp.signIn(user, checkedPassword);
    }
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", user);
    parameters.put("PASSWORD", checkedPassword);
    app.putSecretHash(parameters, user);
    InitiateAuthResponse response = AppClient.call(CognitoOperation.SIGN_IN, () -> app.cognito().initiateAuth(b -> b
        .clientId(app.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(parameters)));
    return steps.outcome(user, new ChallengeSteps.Answer(response.authenticationResult(), response.challengeNameAsString(),
        response.session(), response.hasChallengeParameters() ? response.challengeParameters() : Map.of(),
        response.hasAvailableChallenges() ? response.availableChallengesAsStrings() : List.of()));
  }

  /**
   * Starts a choice-based sign-in ({@code USER_AUTH}): {@code PREFERRED_CHALLENGE} names the
   * preferred factor unless it is a password one (ProfileKit sends no password in the first
   * request, so Cognito answers {@code SELECT_CHALLENGE} and the password comes with the choice).
   *
   * @param username the user's email or username
   * @param preferred the preferred factor, or null
   * @return the next step
   */
  public AuthOutcome signInWith(String username, FirstFactor preferred) {
    String user = CredentialChecks.username(username);
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", user);
    if (preferred != null && !FirstFactors.isPassword(preferred)) {
      parameters.put("PREFERRED_CHALLENGE", preferred.name());
    }
    app.putSecretHash(parameters, user);
    InitiateAuthResponse response = AppClient.call(CognitoOperation.SIGN_IN, () -> app.cognito().initiateAuth(b -> b
        .clientId(app.clientId()).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters)));
    return steps.outcome(user, new ChallengeSteps.Answer(response.authenticationResult(), response.challengeNameAsString(),
        response.session(), response.hasChallengeParameters() ? response.challengeParameters() : Map.of(),
        response.hasAvailableChallenges() ? response.availableChallengesAsStrings() : List.of()));
  }

  /**
   * Answers a step.
   *
   * @param step the step
   * @param answer the answer
   * @return tokens, or the next step
   */
  public AuthOutcome respond(SignInStep step, SignInAnswer answer) {
    SignInStep.Pending pending = StepAnswers.check(step, answer);
    ChallengeSession challenge = pending.challenge();
    String user = CredentialChecks.username(challenge.username());
    String session = CredentialChecks.token("step.session", challenge.session());
    String challengeName = challenge.challengeName();
    Map<String, String> responses = new HashMap<>();
    responses.put("USERNAME", user);
    switch (pending.kind()) {
      case NEW_PASSWORD_REQUIRED:
        responses.put("NEW_PASSWORD", CredentialChecks.newPassword("newPassword", answer.secret().orElseThrow(), minimumPasswordLength));
        answer.attributes().forEach((name, value) ->
            responses.put("userAttributes." + name, CredentialChecks.attributeValue(name, value)));
        break;
      case SMS_CODE:
      case TOTP_CODE:
      case EMAIL_CODE:
        // SMS_MFA_CODE, SMS_OTP_CODE, SOFTWARE_TOKEN_MFA_CODE, EMAIL_OTP_CODE, EMAIL_MFA_CODE; the
        // code's format is checked as the in-memory service checks it, before the call.
        responses.put(MfaChallenges.codeResponseKey(challengeName), MfaChallenges.code(answer.secret().orElseThrow()));
        break;
      case SELECT_MFA:
        responses.put("ANSWER", answer.mfa().orElseThrow().challengeName());
        break;
      case SELECT_CHALLENGE:
        FirstFactor factor = StepAnswers.chosenFactor((SignInStep.SelectChallenge) pending, answer);
        if (factor == FirstFactor.PASSWORD_SRP) {
          return srp.afterSelect(challenge, user,
              CredentialChecks.presentedPassword("password", answer.secret().orElseThrow()));
        }
        responses.put("ANSWER", factor.name());
        if (factor == FirstFactor.PASSWORD) {
          responses.put("PASSWORD", CredentialChecks.presentedPassword("password", answer.secret().orElseThrow()));
        }
        break;
      case PASSKEY:
        responses.put("CREDENTIAL", answer.secret().orElseThrow());
        break;
      case TOTP_SETUP:
        // VerifySoftwareToken with the session AssociateSoftwareToken returned (signIn made that
        // call), then RespondToAuthChallenge MFA_SETUP with the session VerifySoftwareToken
        // returns (the RespondToAuthChallenge reference). The code's format is checked as the
        // in-memory service checks it, before any call.
        session = verifySoftwareToken(session, MfaChallenges.code(answer.secret().orElseThrow()));
        break;
      default:
        throw new IllegalStateException("StepAnswers let a finished sign-in through");
    }
    app.putSecretHash(responses, user);
    String answeredSession = session;
    RespondToAuthChallengeResponse response = AppClient.call(CognitoOperation.RESPOND_TO_CHALLENGE,
        () -> app.cognito().respondToAuthChallenge(b -> b
            .clientId(app.clientId()).challengeName(challengeName).session(answeredSession).challengeResponses(responses)));
    return steps.outcome(user, new ChallengeSteps.Answer(response.authenticationResult(), response.challengeNameAsString(),
        response.session(), response.hasChallengeParameters() ? response.challengeParameters() : Map.of(), List.of()));
  }

  private String verifySoftwareToken(String session, String code) {
    VerifySoftwareTokenResponse verified = AppClient.call(CognitoOperation.VERIFY_SOFTWARE_TOKEN,
        () -> app.cognito().verifySoftwareToken(b -> b.session(session).userCode(code)));
    if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
      throw new dev.profilekit.InvalidCodeException("The authenticator app's code was not accepted");
    }
    if (verified.session() == null) {
      throw new ProfileKitException("Cognito's VerifySoftwareToken returned no session to finish MFA_SETUP with");
    }
    return verified.session();
  }

  /**
   * Returns the authenticator app enrolment of signed-in users, with the same TOTP issuer as the
   * {@code MFA_SETUP} step's.
   *
   * @return the enrolment calls
   */
  public CognitoTotpEnrolment totpEnrolment() {
    return totpEnrolment;
  }

  /**
   * Returns the passkey management of signed-in users (registration, listing, deletion); signing
   * in with a passkey is {@link #signInWith} and {@link #respond}.
   *
   * @return the passkey calls
   */
  public CognitoPasskeys passkeys() {
    return passkeys;
  }

  @Override
  public String toString() {
    return "CognitoSignIn[" + app + ", " + passwordFlow + "]";
  }

  /** Builds a {@link CognitoSignIn}; the client, user pool id and app client id are required. */
  public static final class Builder {
    private CognitoIdentityProviderClient cognito;
    private String userPoolId;
    private String clientId;
    private String clientSecret;
    private Clock clock = Clock.systemUTC();
    private PasswordAuthFlow passwordFlow = PasswordAuthFlow.USER_SRP_AUTH;
    private int minimumPasswordLength = 8;
    private String totpIssuer;
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /**
     * Sets the Cognito client; it is not closed by this class.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognito(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the user pool id; SRP hashes the part after the underscore.
     *
     * @param userPoolId for example {@code eu-west-1_AbCdEf123}
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the app client id.
     *
     * @param clientId the app client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the app client secret, or null when the client has none.
     *
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the clock for SRP timestamps and token expiry (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets how passwords are proven (default {@link PasswordAuthFlow#USER_SRP_AUTH}).
     *
     * @param passwordFlow the flow
     * @return this builder
     */
    public Builder passwordFlow(PasswordAuthFlow passwordFlow) {
      this.passwordFlow = passwordFlow;
      return this;
    }

    /**
     * Sets the shortest new password accepted without a call (default 8).
     *
     * @param minimumPasswordLength 6 to 99
     * @return this builder
     */
    public Builder minimumPasswordLength(int minimumPasswordLength) {
      this.minimumPasswordLength = minimumPasswordLength;
      return this;
    }

    /**
     * Sets the issuer authenticator apps show for a TOTP setup (default: the user pool id).
     *
     * @param totpIssuer for example the app's name
     * @return this builder
     */
    public Builder totpIssuer(String totpIssuer) {
      this.totpIssuer = totpIssuer;
      return this;
    }

    /**
     * Sets the source of SRP secrets (default a new {@link SecureRandom}).
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /**
     * Builds the sign-in.
     *
     * @return the instance
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public CognitoSignIn build() {
      RequestChecks.required(cognito, "cognito");
      RequestChecks.requiredText(userPoolId, "userPoolId");
      RequestChecks.requiredText(clientId, "clientId");
      RequestChecks.required(clock, "clock");
      RequestChecks.required(passwordFlow, "passwordFlow");
      RequestChecks.required(random, "random");
      RequestChecks.check(userPoolId.indexOf('_') > 0, "userPoolId", RequestChecks.FORMAT, "<region>_<name>: SRP hashes the name");
      if (totpIssuer == null) {
        totpIssuer = userPoolId;
      }
      return new CognitoSignIn(this);
    }
  }
}
