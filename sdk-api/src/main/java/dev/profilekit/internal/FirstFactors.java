package dev.profilekit.internal;

import dev.profilekit.ChallengeSession;
import dev.profilekit.FirstFactor;
import dev.profilekit.SignInStep;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito's rules for choice-based sign-in ({@code USER_AUTH}), written once for both
 * implementations: which first factors a user is offered ({@link #available}), whether the
 * preferred one is asked for at once or the user chooses ({@link #firstChallenge}), and which
 * {@link SignInStep} each challenge is ({@link #step}).
 *
 * <p>From the InitiateAuth reference and the authentication guide: with {@code USER_AUTH} the
 * request names the user and, optionally, a {@code PREFERRED_CHALLENGE}; when the preferred factor
 * is available to the user Cognito asks for it at once ({@code EMAIL_OTP}, {@code SMS_OTP}: the
 * code is sent; {@code WEB_AUTHN}: the credential request options), otherwise it answers {@code
 * SELECT_CHALLENGE} with the factors available ({@code AvailableChallenges}), and the answer's
 * {@code ANSWER} picks one. ProfileKit never sends a password with the first request, so a password
 * preference is always met by the choice: answer it with {@code SignInAnswer.password}.
 */
public final class FirstFactors {

  /** The choice among first factors. */
  public static final String SELECT_CHALLENGE = "SELECT_CHALLENGE";
  /** The text-message code of a passwordless sign-in. */
  public static final String SMS_OTP = "SMS_OTP";
  /** The email code of a passwordless sign-in (the same challenge name as email MFA). */
  public static final String EMAIL_OTP = MfaChallenges.EMAIL_OTP;
  /** The passkey challenge. */
  public static final String WEB_AUTHN = "WEB_AUTHN";
  /** The {@code WEB_AUTHN} challenge parameter holding the WebAuthn request options, JSON. */
  public static final String CREDENTIAL_REQUEST_OPTIONS = "CREDENTIAL_REQUEST_OPTIONS";

  private FirstFactors() {}

  /**
   * Returns the first factors a user can sign in with: the password ones when the user has a
   * password ({@link FirstFactor#PASSWORD_SRP} only where the client proves passwords by SRP), an
   * email code with an email, a text-message code with a phone number, a passkey with one
   * registered; each only when the user pool allows it.
   *
   * @param allowed the factors the user pool and app client allow
   * @param hasPassword whether the user has a password
   * @param hasEmail whether the user has an email
   * @param hasPhone whether the user has a phone number
   * @param hasPasskey whether the user registered a passkey
   * @return the available factors, possibly none
   */
  public static Set<FirstFactor> available(Set<FirstFactor> allowed, boolean hasPassword, boolean hasEmail, boolean hasPhone,
      boolean hasPasskey) {
    Set<FirstFactor> factors = EnumSet.noneOf(FirstFactor.class);
    if (hasPassword) {
      factors.add(FirstFactor.PASSWORD);
      factors.add(FirstFactor.PASSWORD_SRP);
    }
    if (hasEmail) {
      factors.add(FirstFactor.EMAIL_OTP);
    }
    if (hasPhone) {
      factors.add(FirstFactor.SMS_OTP);
    }
    if (hasPasskey) {
      factors.add(FirstFactor.WEB_AUTHN);
    }
    factors.retainAll(allowed);
    return factors;
  }

  /**
   * Returns the challenge a choice-based sign-in starts with: the preferred factor's when it is
   * available and needs nothing more from the first request, else {@link #SELECT_CHALLENGE}.
   *
   * @param preferred the preferred factor, or empty
   * @param available what {@link #available} gives
   * @return the challenge name
   */
  public static String firstChallenge(Optional<FirstFactor> preferred, Set<FirstFactor> available) {
    return preferred.filter(available::contains).filter(factor -> !isPassword(factor)).map(FirstFactor::name)
        .orElse(SELECT_CHALLENGE);
  }

  /**
   * Tells whether a factor is proven with the password.
   *
   * @param factor the factor
   * @return true for {@link FirstFactor#PASSWORD} and {@link FirstFactor#PASSWORD_SRP}
   */
  public static boolean isPassword(FirstFactor factor) {
    return factor == FirstFactor.PASSWORD || factor == FirstFactor.PASSWORD_SRP;
  }

  /**
   * Tells whether a challenge belongs to a choice-based sign-in's first factor.
   *
   * @param challengeName a challenge name
   * @return true for {@code SELECT_CHALLENGE}, {@code SMS_OTP}, {@code WEB_AUTHN}
   */
  public static boolean isFirstFactor(String challengeName) {
    return SELECT_CHALLENGE.equals(challengeName) || SMS_OTP.equals(challengeName) || WEB_AUTHN.equals(challengeName);
  }

  /**
   * Returns the step a first-factor challenge asks for: {@link SignInStep.SelectChallenge}, {@link
   * SignInStep.EmailCode}, {@link SignInStep.SmsCode} or {@link SignInStep.Passkey}.
   *
   * @param challenge the challenge, named by Cognito's challenge name
   * @param destination the masked email or phone a code went to
   * @param available the factors offered, for {@code SELECT_CHALLENGE}
   * @param credentialRequestOptions the WebAuthn request options, for {@code WEB_AUTHN}
   * @return the step
   * @throws IllegalArgumentException for another challenge
   */
  public static SignInStep.Pending step(ChallengeSession challenge, Optional<String> destination, Set<FirstFactor> available,
      String credentialRequestOptions) {
    switch (challenge.challengeName()) {
      case SELECT_CHALLENGE:
        return new SignInStep.SelectChallenge(challenge, available);
      case SMS_OTP:
        return new SignInStep.SmsCode(challenge, destination);
      case EMAIL_OTP:
        return new SignInStep.EmailCode(challenge, destination);
      case WEB_AUTHN:
        return new SignInStep.Passkey(challenge, credentialRequestOptions);
      default:
        throw new IllegalArgumentException("not a first-factor challenge: " + challenge.challengeName());
    }
  }

  /**
   * Reads Cognito's {@code AvailableChallenges}; names ProfileKit does not know are left out.
   *
   * @param names the challenge names
   * @return the factors
   */
  public static Set<FirstFactor> parse(List<String> names) {
    Set<FirstFactor> factors = EnumSet.noneOf(FirstFactor.class);
    for (String name : names) {
      for (FirstFactor factor : FirstFactor.values()) {
        if (factor.name().equals(name)) {
          factors.add(factor);
        }
      }
    }
    return factors;
  }
}
