package dev.profilekit.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * The revocation rule of "sign out everywhere", in one place: a token whose {@code iat} (epoch
 * seconds) is at or before the sign-out instant truncated to seconds is revoked. A token issued in
 * the same second as the sign-out is revoked too, because {@code iat} cannot tell which came
 * first; a sign-in from the next second on is not.
 */
public final class SignOutRule {

  private SignOutRule() {}

  /**
   * Tells whether a sign-out everywhere revokes a token.
   *
   * @param issuedAt the token's {@code iat} (or the refresh grant's issue instant)
   * @param signedOutAt the instant of the user's last sign-out everywhere
   * @return true when the token is revoked
   */
  public static boolean revokes(Instant signedOutAt, Instant issuedAt) {
    Objects.requireNonNull(issuedAt, "issuedAt");
    return signedOutAt != null && issuedAt.getEpochSecond() <= signedOutAt.getEpochSecond();
  }
}
