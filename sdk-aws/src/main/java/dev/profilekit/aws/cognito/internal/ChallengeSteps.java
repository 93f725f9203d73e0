package dev.profilekit.aws.cognito.internal;

import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.MfaMethod;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignInStep;
import dev.profilekit.internal.FirstFactors;
import dev.profilekit.internal.TotpUris;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.MfaRequirement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Turns what Cognito answers to {@code InitiateAuth} or {@code RespondToAuthChallenge} into an
 * {@link AuthOutcome}: tokens, or the {@link SignInStep} the challenge asks for. A {@code
 * MFA_SETUP} challenge is met at once with {@code AssociateSoftwareToken}, so the step already
 * holds the {@code otpauth://} URI to show.
 */
final class ChallengeSteps {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");

  private final AppClient app;
  private final String totpIssuer;

  ChallengeSteps(AppClient app, String totpIssuer) {
    this.app = app;
    this.totpIssuer = totpIssuer;
  }

  /** One Cognito answer, whichever call gave it. */
  record Answer(AuthenticationResultType result, String challengeName, String session, Map<String, String> parameters,
      List<String> availableChallenges) {}

  AuthOutcome outcome(String username, Answer answer) {
    if (answer.result() != null) {
      return AuthOutcome.signedIn(app.tokens(answer.result()));
    }
    if (answer.challengeName() == null || answer.session() == null) {
      throw new ProfileKitException("Cognito returned neither tokens nor a challenge");
    }
    Map<String, String> parameters = answer.parameters();
    // The SRP user id is the real username (a UUID in pools that sign in by email); Cognito wants
    // it, not what the user typed, in every answer and its SECRET_HASH.
    String user = parameters.getOrDefault("USER_ID_FOR_SRP", parameters.getOrDefault("USERNAME", username));
    ChallengeSession challenge = ChallengeSession.of(answer.challengeName(), user, answer.session());
    Optional<String> destination = Optional.ofNullable(parameters.get("CODE_DELIVERY_DESTINATION"));
    switch (answer.challengeName()) {
      case "NEW_PASSWORD_REQUIRED":
        return AuthOutcome.next(new SignInStep.NewPasswordRequired(challenge, requiredAttributes(parameters.get("requiredAttributes"))));
      case FirstFactors.SMS_OTP:
        return AuthOutcome.next(FirstFactors.step(challenge, destination, Set.of(), null));
      case MfaChallenges.SMS_MFA:
      case MfaChallenges.EMAIL_OTP:
      case "EMAIL_MFA":
      case MfaChallenges.SOFTWARE_TOKEN_MFA:
        // The same steps as the in-memory service opens for these challenges (one rule, MfaChallenges).
        return AuthOutcome.next(MfaChallenges.step(challenge, destination, Set.of()));
      case MfaChallenges.SELECT_MFA_TYPE:
        return AuthOutcome.next(MfaChallenges.step(challenge, destination, mfaMethods(parameters.get(MfaChallenges.MFAS_CAN_CHOOSE))));
      case "SELECT_CHALLENGE":
        return AuthOutcome.next(FirstFactors.step(challenge, destination, firstFactors(answer.availableChallenges()), null));
      case "WEB_AUTHN":
        return AuthOutcome.next(new SignInStep.Passkey(challenge, required(parameters, "CREDENTIAL_REQUEST_OPTIONS")));
      case MfaRequirement.MFA_SETUP:
        // MFAS_CAN_SETUP lists what the user may set up; ProfileKit sets up authenticator apps only
        // (an email or phone factor is set up by adding the attribute and signing in again).
        String canSetup = parameters.get(MfaRequirement.MFAS_CAN_SETUP);
        if (canSetup != null && !canSetup.contains(MfaChallenges.SOFTWARE_TOKEN_MFA)) {
          throw new ProfileKitException("Cognito asks the user to set up a second factor other than an authenticator app"
              + " (MFAS_CAN_SETUP " + canSetup + "): add the user's phone_number or email and sign in again");
        }
        return AuthOutcome.next(totpSetup(challenge, username));
      default:
        throw new ProfileKitException("Cognito asked for the " + answer.challengeName()
            + " challenge, which ProfileKit does not answer; check the app client's auth flows and the pool's triggers");
    }
  }

  private SignInStep.TotpSetup totpSetup(ChallengeSession challenge, String typedUsername) {
    AssociateSoftwareTokenResponse associated = AppClient.call(CognitoOperation.ASSOCIATE_SOFTWARE_TOKEN,
        () -> app.cognito().associateSoftwareToken(b -> b.session(challenge.session())));
    String secret = associated.secretCode();
    if (secret == null || secret.isEmpty()) {
      throw new ProfileKitException("Cognito's AssociateSoftwareToken returned no secret for MFA_SETUP");
    }
    ChallengeSession next = ChallengeSession.of(MfaRequirement.MFA_SETUP, challenge.username(),
        associated.session() != null ? associated.session() : challenge.session());
    return new SignInStep.TotpSetup(next, TotpUris.otpauthUri(totpIssuer, typedUsername, secret), secret);
  }

  private static Set<String> requiredAttributes(String json) {
    Set<String> names = new LinkedHashSet<>();
    for (String quoted : quoted(json)) {
      names.add(quoted.startsWith("userAttributes.") ? quoted.substring("userAttributes.".length()) : quoted);
    }
    return names;
  }

  private static Set<MfaMethod> mfaMethods(String json) {
    Set<MfaMethod> methods = MfaChallenges.parseCanChoose(json);
    if (methods.isEmpty()) {
      throw new ProfileKitException("Cognito asked to select an MFA method but offered none ProfileKit knows");
    }
    return methods;
  }

  private static Set<FirstFactor> firstFactors(List<String> available) {
    Set<FirstFactor> factors = FirstFactors.parse(available);
    if (factors.isEmpty()) {
      throw new ProfileKitException("Cognito offered no first factor ProfileKit knows");
    }
    return factors;
  }

  private static List<String> quoted(String json) {
    List<String> values = new ArrayList<>();
    if (json != null) {
      Matcher matcher = QUOTED.matcher(json);
      while (matcher.find()) {
        values.add(matcher.group(1));
      }
    }
    return values;
  }

  private static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw new ProfileKitException("Cognito's challenge lacks " + name);
    }
    return value;
  }
}
