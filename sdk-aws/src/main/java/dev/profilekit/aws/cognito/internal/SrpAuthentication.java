package dev.profilekit.aws.cognito.internal;

import dev.profilekit.ChallengeSession;
import dev.profilekit.ProfileKitException;
import dev.profilekit.internal.SrpClient;
import dev.profilekit.internal.SrpGroup;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Sign-in with SRP ({@code USER_SRP_AUTH}, or {@code PASSWORD_SRP} chosen in a choice-based
 * sign-in): the password never leaves the client; Cognito's {@code PASSWORD_VERIFIER} challenge
 * is answered with a claim only the password's holder can compute ({@link SrpClient}).
 *
 * <p>Costs 2 Cognito calls: {@code InitiateAuth} (or the {@code SELECT_CHALLENGE} answer) with
 * {@code SRP_A}, then {@code RespondToAuthChallenge} with the claim.
 */
final class SrpAuthentication {

  private final AppClient app;
  private final ChallengeSteps steps;
  private final SecureRandom random;
  private final String poolName;

  SrpAuthentication(AppClient app, ChallengeSteps steps, SecureRandom random) {
    this.app = app;
    this.steps = steps;
    this.random = random;
    this.poolName = SrpGroup.poolName(app.userPoolId());
  }

  AuthOutcome signIn(String username, String password) {
    SrpClient client = SrpClient.start(random);
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", username);
    parameters.put("SRP_A", client.publicValueHex());
    app.putSecretHash(parameters, username);
    InitiateAuthResponse response = AppClient.call(CognitoOperation.SIGN_IN, () -> app.cognito().initiateAuth(b -> b
        .clientId(app.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters)));
    return answerVerifier(client, username, password, response.challengeNameAsString(), response.session(),
        response.hasChallengeParameters() ? response.challengeParameters() : Map.of());
  }

  /** Answers a choice-based sign-in's {@code SELECT_CHALLENGE} with {@code PASSWORD_SRP}. */
  AuthOutcome afterSelect(ChallengeSession select, String typedUsername, String password) {
    SrpClient client = SrpClient.start(random);
    Map<String, String> responses = new HashMap<>();
    responses.put("USERNAME", select.username());
    responses.put("ANSWER", "PASSWORD_SRP");
    responses.put("SRP_A", client.publicValueHex());
    app.putSecretHash(responses, select.username());
    RespondToAuthChallengeResponse response = AppClient.call(CognitoOperation.RESPOND_TO_CHALLENGE,
        () -> app.cognito().respondToAuthChallenge(b -> b
            .clientId(app.clientId()).challengeName("SELECT_CHALLENGE").session(select.session()).challengeResponses(responses)));
    return answerVerifier(client, typedUsername, password, response.challengeNameAsString(), response.session(),
        response.hasChallengeParameters() ? response.challengeParameters() : Map.of());
  }

  private AuthOutcome answerVerifier(SrpClient client, String typedUsername, String password, String challengeName,
      String session, Map<String, String> parameters) {
    if (!"PASSWORD_VERIFIER".equals(challengeName)) {
      throw new ProfileKitException("Cognito answered SRP_A with " + challengeName + " instead of PASSWORD_VERIFIER");
    }
    String userId = parameters.get("USER_ID_FOR_SRP");
    String secretBlock = parameters.get("SECRET_BLOCK");
    if (userId == null || secretBlock == null) {
      throw new ProfileKitException("Cognito's PASSWORD_VERIFIER challenge lacks USER_ID_FOR_SRP or SECRET_BLOCK");
    }
    SrpClient.PasswordClaim claim = client.claim(poolName, userId, password, parameters.get("SALT"), parameters.get("SRP_B"),
        secretBlock, app.clock().instant());
    Map<String, String> responses = new HashMap<>();
    // USER_ID_FOR_SRP, not what the user typed: the claim and the SECRET_HASH are computed over it.
    responses.put("USERNAME", userId);
    responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
    responses.put("TIMESTAMP", claim.timestamp());
    responses.put("PASSWORD_CLAIM_SIGNATURE", claim.signature());
    app.putSecretHash(responses, userId);
    RespondToAuthChallengeResponse response = AppClient.call(CognitoOperation.RESPOND_TO_CHALLENGE,
        () -> app.cognito().respondToAuthChallenge(b -> b
            .clientId(app.clientId()).challengeName("PASSWORD_VERIFIER").session(session).challengeResponses(responses)));
    return steps.outcome(typedUsername, new ChallengeSteps.Answer(response.authenticationResult(), response.challengeNameAsString(),
        response.session(), response.hasChallengeParameters() ? response.challengeParameters() : Map.of(), List.of()));
  }
}
