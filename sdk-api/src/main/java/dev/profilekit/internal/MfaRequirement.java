package dev.profilekit.internal;

import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileKitException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which challenge follows a proven password, given the user pool's {@link MfaConfiguration} and
 * what the user has: written once, for the in-memory service and for the AWS stand-in that plays
 * a pool with MFA required. {@link MfaChallenges#afterPassword} is the rule for users with a
 * preference; this class adds the pool setting around it.
 *
 * <p>From the user pool MFA guide ("Details of MFA logic at user runtime") and the {@code
 * RespondToAuthChallenge} reference:
 *
 * <ul>
 *   <li>{@code OFF}: no challenge.
 *   <li>{@code OPTIONAL}: the user's preference decides ({@link MfaChallenges#afterPassword}).
 *   <li>{@code ON}: the first sign-in of a user who just confirmed their sign-up with a code gets
 *       tokens ("The first time that a new user signs in to your app, Amazon Cognito issues OAuth
 *       2.0 tokens, even if your user pool requires MFA"). Otherwise a user with a preference is
 *       asked for it; one with a registered authenticator app for its code (or, with eligible
 *       message factors as well, to choose); one with an eligible phone number or email (an
 *       attribute that is not the account recovery one, of a factor the pool allows) for that
 *       code, or to choose between the two; anyone else, where the pool allows authenticator
 *       apps, sets one up ({@code MFA_SETUP}). With none of these the sign-in fails.
 * </ul>
 */
public final class MfaRequirement {

  /** The challenge of a user who must set up an authenticator app first. */
  public static final String MFA_SETUP = "MFA_SETUP";
  /** The {@link #MFA_SETUP} parameter listing the factors the user may set up, a JSON array. */
  public static final String MFAS_CAN_SETUP = "MFAS_CAN_SETUP";

  private static final Set<MfaMethod> MESSAGE_FACTORS = EnumSet.of(MfaMethod.SMS, MfaMethod.EMAIL);

  private MfaRequirement() {}

  /**
   * What the user has, as the pool's MFA rule reads it.
   *
   * @param preference the user's MFA preference
   * @param totpRegistered whether the user has a verified authenticator app
   * @param messageFactors the message factors the user has an attribute for that is not the pool's
   *     account recovery one ({@code SMS} for a {@code phone_number}, {@code EMAIL} for an {@code email})
   * @param firstSignInAfterConfirmation whether this is the first sign-in since the user confirmed
   *     their sign-up with a code
   */
  public record User(MfaPreference preference, boolean totpRegistered, Set<MfaMethod> messageFactors,
      boolean firstSignInAfterConfirmation) {
    /** Checks and copies the components. */
    public User {
      Objects.requireNonNull(preference, "preference");
      messageFactors = Set.copyOf(messageFactors);
    }
  }

  /**
   * The challenge that follows the password.
   *
   * @param challengeName an MFA challenge ({@link MfaChallenges}) or {@link #MFA_SETUP}
   * @param canChoose the options of {@code SELECT_MFA_TYPE}, else empty
   */
  public record Next(String challengeName, Set<MfaMethod> canChoose) {
    /** Checks and copies the components. */
    public Next {
      Objects.requireNonNull(challengeName, "challengeName");
      canChoose = Set.copyOf(canChoose);
    }
  }

  /**
   * Returns the challenge that follows a proven password.
   *
   * @param pool the user pool's MFA setting
   * @param poolMethods the second factors the user pool allows
   * @param user what the user has
   * @return the challenge, or empty when the password signs the user in
   * @throws ProfileKitException when MFA is required and the user has no factor the pool allows
   *     and the pool does not allow authenticator apps (Cognito: {@code MFAMethodNotFoundException})
   */
  public static Optional<Next> afterPassword(MfaConfiguration pool, Set<MfaMethod> poolMethods, User user) {
    Objects.requireNonNull(pool, "pool");
    switch (pool) {
      case OFF:
        return Optional.empty();
      case OPTIONAL:
        return fromPreference(user.preference());
      default:
        break;
    }
    if (user.firstSignInAfterConfirmation()) {
      // The confirmed code was this sign-in's second factor.
      return Optional.empty();
    }
    if (!user.preference().methods().isEmpty()) {
      return fromPreference(user.preference());
    }
    Set<MfaMethod> messages = EnumSet.noneOf(MfaMethod.class);
    for (MfaMethod method : user.messageFactors()) {
      if (MESSAGE_FACTORS.contains(method) && poolMethods.contains(method)) {
        messages.add(method);
      }
    }
    if (user.totpRegistered() && poolMethods.contains(MfaMethod.TOTP)) {
      if (messages.isEmpty()) {
        return Optional.of(new Next(MfaChallenges.SOFTWARE_TOKEN_MFA, Set.of()));
      }
      messages.add(MfaMethod.TOTP);
      return Optional.of(new Next(MfaChallenges.SELECT_MFA_TYPE, messages));
    }
    if (messages.size() == 1) {
      return Optional.of(new Next(messages.iterator().next().challengeName(), Set.of()));
    }
    if (messages.size() > 1) {
      return Optional.of(new Next(MfaChallenges.SELECT_MFA_TYPE, messages));
    }
    if (poolMethods.contains(MfaMethod.TOTP)) {
      return Optional.of(new Next(MFA_SETUP, Set.of()));
    }
    throw new ProfileKitException("Sign-in failed: the user pool requires MFA and the user has no second factor it allows");
  }

  private static Optional<Next> fromPreference(MfaPreference preference) {
    return MfaChallenges.afterPassword(preference).map(name -> new Next(name,
        MfaChallenges.SELECT_MFA_TYPE.equals(name) ? preference.methods() : Set.of()));
  }

  /**
   * Writes {@link #MFAS_CAN_SETUP} for a pool: the factors a user can set up at an {@link
   * #MFA_SETUP} challenge, of those ProfileKit answers (an authenticator app).
   *
   * @param poolMethods the second factors the user pool allows
   * @return for example {@code ["SOFTWARE_TOKEN_MFA"]}
   */
  public static String canSetupJson(Set<MfaMethod> poolMethods) {
    return MfaChallenges.canChooseJson(poolMethods.contains(MfaMethod.TOTP) ? Set.of(MfaMethod.TOTP) : Set.of());
  }
}
