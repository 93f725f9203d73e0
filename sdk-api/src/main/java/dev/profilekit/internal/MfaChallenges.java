package dev.profilekit.internal;

import dev.profilekit.ChallengeSession;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.SignInStep;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cognito's rules for second factors, written once for both implementations: which challenge
 * follows a proven password ({@link #afterPassword}), which {@link SignInStep} each MFA challenge
 * is ({@link #step}), how {@code SELECT_MFA_TYPE} lists its options ({@code MFAS_CAN_CHOOSE}), the
 * challenge response that carries a code, and what a code looks like.
 *
 * <p>The in-memory service opens its challenges with these rules; the AWS implementation reads
 * Cognito's challenges with them, and its emulator stand-in answers by them (the
 * AdminSetUserMFAPreference reference: "The preferred MFA factor will be used to authenticate a
 * user if multiple factors are activated. If multiple options are activated and no preference is
 * set, a challenge to choose an MFA option will be returned during sign-in.").
 */
public final class MfaChallenges {

  /** The text-message code challenge. */
  public static final String SMS_MFA = "SMS_MFA";
  /** The email code challenge (of MFA, and of a choice-based sign-in's email factor). */
  public static final String EMAIL_OTP = "EMAIL_OTP";
  /** The authenticator app code challenge. */
  public static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
  /** The choice among several second factors. */
  public static final String SELECT_MFA_TYPE = "SELECT_MFA_TYPE";
  /** The challenge parameter that lists {@link #SELECT_MFA_TYPE}'s options, a JSON array. */
  public static final String MFAS_CAN_CHOOSE = "MFAS_CAN_CHOOSE";
  /** Shortest code accepted: SMS, email and authenticator codes have 6 digits, email OTPs up to 8. */
  public static final int MIN_CODE_DIGITS = 6;
  /** Longest code accepted. */
  public static final int MAX_CODE_DIGITS = 8;

  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");

  private MfaChallenges() {}

  /**
   * Returns the challenge that follows a proven password for a user with this preference: none
   * without a method; the one method; the preferred one among several; else {@link
   * #SELECT_MFA_TYPE}.
   *
   * @param preference the user's MFA preference
   * @return the challenge name, or empty when the password signs the user in
   */
  public static Optional<String> afterPassword(MfaPreference preference) {
    Set<MfaMethod> methods = preference.methods();
    if (methods.isEmpty()) {
      return Optional.empty();
    }
    if (methods.size() == 1) {
      return Optional.of(methods.iterator().next().challengeName());
    }
    return Optional.of(preference.preferred().map(MfaMethod::challengeName).orElse(SELECT_MFA_TYPE));
  }

  /**
   * Returns the method a code challenge asks for.
   *
   * @param challengeName a challenge name
   * @return the method, or empty when the challenge is not a second factor's code
   */
  public static Optional<MfaMethod> methodOf(String challengeName) {
    if (challengeName == null) {
      return Optional.empty();
    }
    switch (challengeName) {
      case SMS_MFA:
        return Optional.of(MfaMethod.SMS);
      case EMAIL_OTP:
      case "EMAIL_MFA":
        return Optional.of(MfaMethod.EMAIL);
      case SOFTWARE_TOKEN_MFA:
        return Optional.of(MfaMethod.TOTP);
      default:
        return Optional.empty();
    }
  }

  /**
   * Tells whether a challenge is one of the second factor's ({@link #SELECT_MFA_TYPE} or a code).
   *
   * @param challengeName a challenge name
   * @return true for an MFA challenge
   */
  public static boolean isMfa(String challengeName) {
    return SELECT_MFA_TYPE.equals(challengeName) || methodOf(challengeName).isPresent();
  }

  /**
   * Returns the step an MFA challenge asks for: {@link SignInStep.SmsCode} for {@code SMS_MFA},
   * {@link SignInStep.EmailCode} for {@code EMAIL_OTP}, {@link SignInStep.TotpCode} for {@code
   * SOFTWARE_TOKEN_MFA}, {@link SignInStep.SelectMfa} for {@code SELECT_MFA_TYPE}.
   *
   * @param challenge the challenge, named by Cognito's challenge name
   * @param destination the masked phone or email a code went to, when one was sent
   * @param canChoose {@code SELECT_MFA_TYPE}'s options
   * @return the step
   * @throws IllegalArgumentException for a challenge that is not an MFA one
   */
  public static SignInStep.Pending step(ChallengeSession challenge, Optional<String> destination, Set<MfaMethod> canChoose) {
    if (SELECT_MFA_TYPE.equals(challenge.challengeName())) {
      return new SignInStep.SelectMfa(challenge, canChoose);
    }
    MfaMethod method = methodOf(challenge.challengeName())
        .orElseThrow(() -> new IllegalArgumentException("not an MFA challenge: " + challenge.challengeName()));
    switch (method) {
      case SMS:
        return new SignInStep.SmsCode(challenge, destination);
      case EMAIL:
        return new SignInStep.EmailCode(challenge, destination);
      default:
        return new SignInStep.TotpCode(challenge);
    }
  }

  /**
   * Returns the {@code ChallengeResponses} key that carries the code of a code challenge.
   *
   * @param challengeName {@code SMS_MFA}, {@code EMAIL_OTP}, {@code SOFTWARE_TOKEN_MFA} (or {@code SMS_OTP})
   * @return {@code SMS_MFA_CODE}, {@code EMAIL_OTP_CODE}, {@code SOFTWARE_TOKEN_MFA_CODE}, ...
   */
  public static String codeResponseKey(String challengeName) {
    return challengeName + "_CODE";
  }

  /**
   * Writes {@link #MFAS_CAN_CHOOSE}: the methods' challenge names as a JSON array, in {@link
   * MfaMethod} order.
   *
   * @param methods the options
   * @return for example {@code ["SMS_MFA","EMAIL_OTP"]}
   */
  public static String canChooseJson(Set<MfaMethod> methods) {
    StringJoiner json = new StringJoiner(",", "[", "]");
    for (MfaMethod method : MfaMethod.values()) {
      if (methods.contains(method)) {
        json.add('"' + method.challengeName() + '"');
      }
    }
    return json.toString();
  }

  /**
   * Reads {@link #MFAS_CAN_CHOOSE}; names ProfileKit does not know are left out.
   *
   * @param json the JSON array, or null
   * @return the methods it names
   */
  public static Set<MfaMethod> parseCanChoose(String json) {
    Set<MfaMethod> methods = EnumSet.noneOf(MfaMethod.class);
    if (json != null) {
      Matcher matcher = QUOTED.matcher(json);
      while (matcher.find()) {
        methodOf(matcher.group(1)).ifPresent(methods::add);
      }
    }
    return methods;
  }

  /**
   * Checks a code the user typed before it is sent anywhere: {@value #MIN_CODE_DIGITS} to {@value
   * #MAX_CODE_DIGITS} ASCII digits, as every code Cognito sends or an authenticator shows.
   *
   * @param code the code
   * @return the code
   * @throws dev.profilekit.InvalidRequestException ({@code code}, {@code required} or {@code format});
   *     the message never contains the code
   */
  public static String code(String code) {
    RequestChecks.check(code != null && !code.isEmpty(), "code", RequestChecks.REQUIRED, "the code the user received");
    boolean digits = code.length() >= MIN_CODE_DIGITS && code.length() <= MAX_CODE_DIGITS
        && code.chars().allMatch(c -> c >= '0' && c <= '9');
    RequestChecks.check(digits, "code", RequestChecks.FORMAT,
        MIN_CODE_DIGITS + " to " + MAX_CODE_DIGITS + " digits, as the user received them, without spaces");
    return code;
  }
}
