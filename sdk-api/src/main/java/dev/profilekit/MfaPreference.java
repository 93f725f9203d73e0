package dev.profilekit;

import dev.profilekit.internal.RequestChecks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which second factors a user signs in with, and which one is asked for first: what {@link
 * UserProfileService#setMfaPreference(AuthSession, MfaPreference)} and {@link
 * ProfileAdmin#setMfaPreference(String, MfaPreference)} set, as Cognito's {@code
 * SetUserMFAPreference} and {@code AdminSetUserMFAPreference} do.
 *
 * <p>The value is the user's whole MFA state, not a change: methods not listed are turned off. A
 * user with at least one method must answer a code at every password sign-in (MFA is then
 * required for this user, whatever the pool's optional setting); with none, only a pool that
 * requires MFA asks for one. With several methods and none preferred, the sign-in asks the user to
 * choose ({@link SignInStep.SelectMfa}).
 *
 * <pre>{@code
 * profiles.admin().setMfaPreference(userId, MfaPreference.builder()
 *     .addMethod(MfaMethod.SMS).addMethod(MfaMethod.EMAIL).preferred(MfaMethod.EMAIL).build());
 * }</pre>
 */
@Value.Immutable
public abstract class MfaPreference {

  MfaPreference() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the preference with no second factor: MFA off for the user.
   *
   * @return the value
   */
  public static MfaPreference none() {
    return builder().build();
  }

  /**
   * Returns the preference with exactly these methods and none preferred.
   *
   * @param methods the methods to turn on
   * @return the value
   */
  public static MfaPreference of(MfaMethod... methods) {
    return builder().addMethods(methods).build();
  }

  /**
   * The second factors turned on for the user.
   *
   * @return the methods, possibly none
   */
  public abstract Set<MfaMethod> methods();

  /**
   * The method asked for when several are on; must be one of {@link #methods()}.
   *
   * @return the preferred method
   */
  public abstract Optional<MfaMethod> preferred();

  /** A preferred method must be turned on, as Cognito requires. */
  @Value.Check
  void check() {
    preferred().ifPresent(method -> RequestChecks.check(methods().contains(method), "preferred", RequestChecks.CONSISTENT,
        "one of the methods turned on " + methods()));
  }

  /** Builds an {@link MfaPreference}; nothing is required. */
  public static final class Builder extends ImmutableMfaPreference.Builder {
    Builder() {}
  }
}
