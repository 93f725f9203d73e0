package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user answered to a {@link SignInStep}, given to {@link
 * UserProfileService#respond(SignInStep, SignInAnswer)}: a new password, a code, a choice, or a
 * passkey credential. Immutable; {@link #toString()} masks every secret.
 *
 * <p>Each factory says which steps it answers; answering a step with the wrong kind of answer is
 * an {@link InvalidRequestException} before any remote call.
 */
public final class SignInAnswer {

  /** The kinds of answer. */
  public enum Type {
    /** {@link #newPassword(String)}: answers {@link SignInStep.NewPasswordRequired}. */
    NEW_PASSWORD(EnumSet.of(SignInStep.Kind.NEW_PASSWORD_REQUIRED)),
    /** {@link #code(String)}: answers SMS, TOTP and email codes, and a TOTP setup. */
    CODE(EnumSet.of(SignInStep.Kind.SMS_CODE, SignInStep.Kind.TOTP_CODE, SignInStep.Kind.EMAIL_CODE, SignInStep.Kind.TOTP_SETUP)),
    /** {@link #mfa(MfaMethod)}: answers {@link SignInStep.SelectMfa}. */
    MFA_CHOICE(EnumSet.of(SignInStep.Kind.SELECT_MFA)),
    /** {@link #firstFactor(FirstFactor)}: answers {@link SignInStep.SelectChallenge}. */
    FIRST_FACTOR(EnumSet.of(SignInStep.Kind.SELECT_CHALLENGE)),
    /** {@link #password(String)}: answers {@link SignInStep.SelectChallenge} with a password factor. */
    PASSWORD(EnumSet.of(SignInStep.Kind.SELECT_CHALLENGE)),
    /** {@link #passkey(String)}: answers {@link SignInStep.Passkey}. */
    PASSKEY_CREDENTIAL(EnumSet.of(SignInStep.Kind.PASSKEY));

    private final Set<SignInStep.Kind> answers;

    Type(Set<SignInStep.Kind> answers) {
      this.answers = answers;
    }

    /**
     * Tells whether an answer of this type answers a step of that kind.
     *
     * @param kind the step's kind
     * @return true when it does
     */
    public boolean answers(SignInStep.Kind kind) {
      return answers.contains(kind);
    }
  }

  private final Type type;
  private final String secret;
  private final MfaMethod mfa;
  private final FirstFactor firstFactor;
  private final Map<String, String> attributes;

  private SignInAnswer(Type type, String secret, MfaMethod mfa, FirstFactor firstFactor, Map<String, String> attributes) {
    this.type = type;
    this.secret = secret;
    this.mfa = mfa;
    this.firstFactor = firstFactor;
    this.attributes = attributes;
  }

  /**
   * Answers {@link SignInStep.NewPasswordRequired} with the password the user chose.
   *
   * @param password the new password
   * @return the answer
   */
  public static SignInAnswer newPassword(String password) {
    return newPassword(password, Map.of());
  }

  /**
   * Answers {@link SignInStep.NewPasswordRequired} with the password the user chose and the
   * attributes the step requires.
   *
   * @param password the new password
   * @param requiredAttributes values of {@link SignInStep.NewPasswordRequired#requiredAttributes()}
   * @return the answer
   */
  public static SignInAnswer newPassword(String password, Map<String, String> requiredAttributes) {
    Objects.requireNonNull(requiredAttributes, "requiredAttributes");
    return new SignInAnswer(Type.NEW_PASSWORD, text("password", password), null, null,
        Map.copyOf(new LinkedHashMap<>(requiredAttributes)));
  }

  /**
   * Answers a code step ({@link SignInStep.SmsCode}, {@link SignInStep.TotpCode}, {@link
   * SignInStep.EmailCode}) or a {@link SignInStep.TotpSetup} with the code the user entered.
   *
   * @param code the code
   * @return the answer
   */
  public static SignInAnswer code(String code) {
    return new SignInAnswer(Type.CODE, text("code", code), null, null, Map.of());
  }

  /**
   * Answers {@link SignInStep.SelectMfa} with the chosen method.
   *
   * @param method one of the step's options
   * @return the answer
   */
  public static SignInAnswer mfa(MfaMethod method) {
    if (method == null) {
      throw new InvalidRequestException("mfa", RequestChecks.REQUIRED, "one of the step's MFA options");
    }
    return new SignInAnswer(Type.MFA_CHOICE, null, method, null, Map.of());
  }

  /**
   * Answers {@link SignInStep.SelectChallenge} with a factor that needs nothing more now ({@link
   * FirstFactor#EMAIL_OTP}, {@link FirstFactor#SMS_OTP}, {@link FirstFactor#WEB_AUTHN}); the next
   * step asks for the code or the passkey.
   *
   * @param factor one of the step's options
   * @return the answer
   * @throws InvalidRequestException for a password factor, which needs {@link #password(String)}
   */
  public static SignInAnswer firstFactor(FirstFactor factor) {
    if (factor == null) {
      throw new InvalidRequestException("firstFactor", RequestChecks.REQUIRED, "one of the step's options");
    }
    if (factor == FirstFactor.PASSWORD || factor == FirstFactor.PASSWORD_SRP) {
      throw new InvalidRequestException("firstFactor", RequestChecks.PASSWORD_NEEDS_PASSWORD, "SignInAnswer.password(...) for a password factor");
    }
    return new SignInAnswer(Type.FIRST_FACTOR, null, null, factor, Map.of());
  }

  /**
   * Answers {@link SignInStep.SelectChallenge} with the user's password: {@link
   * FirstFactor#PASSWORD_SRP} when the step offers it (the password never leaves the client),
   * else {@link FirstFactor#PASSWORD}.
   *
   * @param password the password
   * @return the answer
   */
  public static SignInAnswer password(String password) {
    return new SignInAnswer(Type.PASSWORD, text("password", password), null, null, Map.of());
  }

  /**
   * Answers {@link SignInStep.Passkey} with what the browser's {@code navigator.credentials.get()}
   * returned, serialised as JSON ({@code PublicKeyCredential.toJSON()}).
   *
   * @param credentialJson the credential
   * @return the answer
   */
  public static SignInAnswer passkey(String credentialJson) {
    return new SignInAnswer(Type.PASSKEY_CREDENTIAL, text("credential", credentialJson), null, null, Map.of());
  }

  /**
   * The kind of answer.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The secret the answer carries: the new password, the code, the password or the credential
   * JSON; empty for choices.
   *
   * @return the secret, never logged by ProfileKit
   */
  public Optional<String> secret() {
    return Optional.ofNullable(secret);
  }

  /**
   * The chosen second factor, for {@link Type#MFA_CHOICE}.
   *
   * @return the method
   */
  public Optional<MfaMethod> mfa() {
    return Optional.ofNullable(mfa);
  }

  /**
   * The chosen first factor, for {@link Type#FIRST_FACTOR}.
   *
   * @return the factor
   */
  public Optional<FirstFactor> firstFactor() {
    return Optional.ofNullable(firstFactor);
  }

  /**
   * The attributes set with a new password.
   *
   * @return the attributes by Cognito name, never null
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignInAnswer that && type == that.type && Objects.equals(secret, that.secret)
        && mfa == that.mfa && firstFactor == that.firstFactor && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, secret, mfa, firstFactor, attributes);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SignInAnswer[").append(type);
    if (secret != null) {
      text.append(", ****");
    }
    if (mfa != null) {
      text.append(", ").append(mfa);
    }
    if (firstFactor != null) {
      text.append(", ").append(firstFactor);
    }
    if (!attributes.isEmpty()) {
      text.append(", attributes=").append(attributes.keySet());
    }
    return text.append(']').toString();
  }

  private static String text(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a non-empty value");
    }
    return value;
  }
}
