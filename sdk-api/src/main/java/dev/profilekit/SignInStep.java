package dev.profilekit;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a sign-in stands: {@link Done} with a session, or the next thing the user must do, which
 * {@link UserProfileService#respond(SignInStep, SignInAnswer)} answers.
 *
 * <p>The hierarchy is sealed, and every step names its {@link #kind()}, so handling all of them is
 * checked by the compiler on every Java version ProfileKit supports. On Java 17, switch over the
 * kind (an exhaustive switch expression over an enum needs no {@code default}, and adding a kind
 * in a later release makes such a switch fail to compile, not fail at run time):
 *
 * <pre>{@code
 * SignInStep step = profiles.signIn(email, password);
 * while (!step.isSignedIn()) {
 *   step = switch (step.kind()) {
 *     case DONE -> step;
 *     case NEW_PASSWORD_REQUIRED -> profiles.respond(step, SignInAnswer.newPassword(askNewPassword()));
 *     case SMS_CODE, TOTP_CODE, EMAIL_CODE, TOTP_SETUP -> profiles.respond(step, SignInAnswer.code(askCode()));
 *     case SELECT_MFA -> profiles.respond(step, SignInAnswer.mfa(MfaMethod.TOTP));
 *     case SELECT_CHALLENGE -> profiles.respond(step, SignInAnswer.password(password));
 *     case PASSKEY -> profiles.respond(step, SignInAnswer.passkey(browserCredentialJson()));
 *   };
 * }
 * AuthSession session = step.sessionOrThrow();
 * }</pre>
 *
 * <p>On Java 21 and later the records deconstruct in an exhaustive pattern switch, also without
 * {@code default}: {@code case SignInStep.TotpSetup(var challenge, var uri, var secret) -> ...}.
 *
 * <p>Every step but {@link Done} carries a {@link ChallengeSession}, a short-lived secret: keep the
 * step on the server side of the app (in the user's server session, say). {@code toString()}
 * masks every secret a step holds.
 */
public sealed interface SignInStep
    permits SignInStep.Done, SignInStep.Pending {

  /** The kinds of step, one per permitted record, for exhaustive switches on Java 17. */
  enum Kind {
    /** {@link Done}. */
    DONE,
    /** {@link NewPasswordRequired}. */
    NEW_PASSWORD_REQUIRED,
    /** {@link SmsCode}. */
    SMS_CODE,
    /** {@link TotpCode}. */
    TOTP_CODE,
    /** {@link EmailCode}. */
    EMAIL_CODE,
    /** {@link SelectMfa}. */
    SELECT_MFA,
    /** {@link SelectChallenge}. */
    SELECT_CHALLENGE,
    /** {@link TotpSetup}. */
    TOTP_SETUP,
    /** {@link Passkey}. */
    PASSKEY
  }

  /**
   * Names the step.
   *
   * @return the kind, matching the record's type
   */
  Kind kind();

  /**
   * Tells whether the sign-in is complete.
   *
   * @return true for {@link Done}
   */
  default boolean isSignedIn() {
    return this instanceof Done;
  }

  /**
   * Returns the session of a completed sign-in.
   *
   * @return the session
   * @throws IllegalStateException if a step is still to be answered (the message names it)
   */
  default AuthSession sessionOrThrow() {
    if (this instanceof Done done) {
      return done.session();
    }
    throw new IllegalStateException("sign-in needs an answer to " + kind() + " first");
  }

  /**
   * The sign-in is complete.
   *
   * @param session the user's session
   */
  record Done(AuthSession session) implements SignInStep {
    /** Checks the session. */
    public Done {
      Objects.requireNonNull(session, "session");
    }

    @Override
    public Kind kind() {
      return Kind.DONE;
    }
  }

  /**
   * The user signed in with a temporary password (an administrator created the account) and
   * must choose a new one: answer with {@link SignInAnswer#newPassword(String)}.
   *
   * @param challenge what ties the answer to this sign-in
   * @param requiredAttributes attributes the answer must also set (Cognito names, such as {@code
   *     name}), often none
   */
  record NewPasswordRequired(ChallengeSession challenge, Set<String> requiredAttributes) implements Pending {
    /** Checks and copies the components. */
    public NewPasswordRequired {
      Objects.requireNonNull(challenge, "challenge");
      requiredAttributes = Set.copyOf(requiredAttributes);
    }

    @Override
    public Kind kind() {
      return Kind.NEW_PASSWORD_REQUIRED;
    }
  }

  /**
   * A code was sent by text message (as a second factor, or as the first factor chosen with
   * {@link FirstFactor#SMS_OTP}): answer with {@link SignInAnswer#code(String)}.
   *
   * @param challenge what ties the answer to this sign-in
   * @param destination the masked phone number the code went to, such as {@code +*******0199}
   */
  record SmsCode(ChallengeSession challenge, Optional<String> destination) implements Pending {
    /** Checks the components. */
    public SmsCode {
      Objects.requireNonNull(challenge, "challenge");
      Objects.requireNonNull(destination, "destination");
    }

    @Override
    public Kind kind() {
      return Kind.SMS_CODE;
    }
  }

  /**
   * The user's authenticator app shows a code: answer with {@link SignInAnswer#code(String)}.
   *
   * @param challenge what ties the answer to this sign-in
   */
  record TotpCode(ChallengeSession challenge) implements Pending {
    /** Checks the challenge. */
    public TotpCode {
      Objects.requireNonNull(challenge, "challenge");
    }

    @Override
    public Kind kind() {
      return Kind.TOTP_CODE;
    }
  }

  /**
   * A code was sent by email (as a second factor, or as the first factor chosen with {@link
   * FirstFactor#EMAIL_OTP}): answer with {@link SignInAnswer#code(String)}.
   *
   * @param challenge what ties the answer to this sign-in
   * @param destination the masked email the code went to, such as {@code a***@e***}
   */
  record EmailCode(ChallengeSession challenge, Optional<String> destination) implements Pending {
    /** Checks the components. */
    public EmailCode {
      Objects.requireNonNull(challenge, "challenge");
      Objects.requireNonNull(destination, "destination");
    }

    @Override
    public Kind kind() {
      return Kind.EMAIL_CODE;
    }
  }

  /**
   * The user has more than one second factor and must pick one: answer with {@link
   * SignInAnswer#mfa(MfaMethod)}.
   *
   * @param challenge what ties the answer to this sign-in
   * @param options the methods the user may choose from
   */
  record SelectMfa(ChallengeSession challenge, Set<MfaMethod> options) implements Pending {
    /** Checks and copies the components. */
    public SelectMfa {
      Objects.requireNonNull(challenge, "challenge");
      options = Set.copyOf(options);
    }

    @Override
    public Kind kind() {
      return Kind.SELECT_MFA;
    }
  }

  /**
   * A choice-based sign-in offers several first factors (the preferred one was not available):
   * answer with {@link SignInAnswer#firstFactor(FirstFactor)}, or {@link
   * SignInAnswer#password(String)} for a password factor.
   *
   * @param challenge what ties the answer to this sign-in
   * @param options the factors the user may choose from
   */
  record SelectChallenge(ChallengeSession challenge, Set<FirstFactor> options) implements Pending {
    /** Checks and copies the components. */
    public SelectChallenge {
      Objects.requireNonNull(challenge, "challenge");
      options = Set.copyOf(options);
    }

    @Override
    public Kind kind() {
      return Kind.SELECT_CHALLENGE;
    }
  }

  /**
   * The user pool requires an authenticator app and the user has none yet: show {@link
   * #otpauthUri()} as a QR code (or the {@link #secret()} for typing), then answer with {@link
   * SignInAnswer#code(String)} holding the first code the app shows.
   *
   * @param challenge what ties the answer to this sign-in
   * @param otpauthUri the {@code otpauth://totp/...} URI authenticator apps read
   * @param secret the base32 shared secret inside the URI
   */
  record TotpSetup(ChallengeSession challenge, URI otpauthUri, String secret) implements Pending {
    /** Checks the components. */
    public TotpSetup {
      Objects.requireNonNull(challenge, "challenge");
      Objects.requireNonNull(otpauthUri, "otpauthUri");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public Kind kind() {
      return Kind.TOTP_SETUP;
    }

    /** Masks the secret, which the URI carries too. */
    @Override
    public String toString() {
      return "TotpSetup[challenge=" + challenge + ", otpauthUri=****, secret=****]";
    }
  }

  /**
   * The user signs in with a passkey: hand {@link #credentialRequestOptions()} to the browser's
   * {@code navigator.credentials.get()}, then answer with {@link SignInAnswer#passkey(String)}
   * holding the credential it returns, as JSON. The ceremony itself is the app's.
   *
   * @param challenge what ties the answer to this sign-in
   * @param credentialRequestOptions the WebAuthn {@code PublicKeyCredentialRequestOptions}, as JSON
   */
  record Passkey(ChallengeSession challenge, String credentialRequestOptions) implements Pending {
    /** Checks the components. */
    public Passkey {
      Objects.requireNonNull(challenge, "challenge");
      Objects.requireNonNull(credentialRequestOptions, "credentialRequestOptions");
    }

    @Override
    public Kind kind() {
      return Kind.PASSKEY;
    }
  }

  /**
   * A step still to be answered: every step but {@link Done}. Not a kind of its own; it gives
   * every such step its {@link #challenge()}.
   */
  sealed interface Pending extends SignInStep
      permits NewPasswordRequired, SmsCode, TotpCode, EmailCode, SelectMfa, SelectChallenge, TotpSetup, Passkey {

    /**
     * Returns what ties the answer to this sign-in.
     *
     * @return the challenge session
     */
    ChallengeSession challenge();
  }
}
