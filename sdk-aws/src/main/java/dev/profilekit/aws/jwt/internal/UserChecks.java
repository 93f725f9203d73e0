package dev.profilekit.aws.jwt.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.SignOutRule;
import dev.profilekit.aws.jwt.TokenRevocations;
import dev.profilekit.aws.jwt.UserRevocations;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks that run on every verification, cache hits included, because their answer can change
 * while the token stays the same: the application's custom check and revocation.
 */
public final class UserChecks {

  private final Predicate<VerifiedUser> customCheck;
  private final TokenRevocations revocations;

  /**
   * Creates the checks.
   *
   * @param customCheck the application's check, or null
   * @param revocations where sign-outs are recorded, or null
   */
  public UserChecks(Predicate<VerifiedUser> customCheck, TokenRevocations revocations) {
    this.customCheck = customCheck;
    this.revocations = revocations;
  }

  /**
   * Runs the custom check, then the revocation check.
   *
   * @param user the user a verified token speaks for
   * @throws TokenRejectedException CUSTOM_CHECK_FAILED or REVOKED
   */
  public void apply(VerifiedUser user) {
    runCustomCheck(user);
    checkRevocation(user);
  }

  /**
   * Runs the custom check, then the revocation check on the records {@code revocationRead} returns
   * for the user, instead of asking the configured revocations.
   *
   * @param user the user a verified token speaks for
   * @param revocationRead reads the user's records (with whatever the caller reads with them)
   * @throws TokenRejectedException CUSTOM_CHECK_FAILED or REVOKED
   */
  public void apply(VerifiedUser user, Function<VerifiedUser, UserRevocations> revocationRead) {
    runCustomCheck(user);
    judge(user, revocationRead.apply(user));
  }

  private void runCustomCheck(VerifiedUser user) {
    if (customCheck == null) {
      return;
    }
    boolean accepted;
    try {
      accepted = customCheck.test(user);
    } catch (TokenRejectedException e) {
      throw e;
    } catch (RuntimeException e) {
      // Fail closed: a check that breaks must not let the token through.
      throw new TokenRejectedException(Reason.CUSTOM_CHECK_FAILED, "The custom check failed", e);
    }
    if (!accepted) {
      throw Rejections.reject(Reason.CUSTOM_CHECK_FAILED, "The custom check refused the token");
    }
  }

  /** The shared rules (SignOutRule): signed out everywhere since iat, or the session signed out. */
  private void checkRevocation(VerifiedUser user) {
    if (revocations == null) {
      return;
    }
    judge(user, revocations.revocationsOf(user.userId()));
  }

  private static void judge(VerifiedUser user, UserRevocations revoked) {
    if (revoked == null) {
      return;
    }
    if (SignOutRule.revokes(revoked.tokensValidAfter().orElse(null), user.issuedAt())) {
      throw Rejections.reject(
          Reason.REVOKED, "The token was issued before the user signed out everywhere");
    }
    if (SignOutRule.revokesSession(revoked.revokedSessions(), user.originJti())) {
      throw Rejections.reject(Reason.REVOKED, "The token's session was signed out");
    }
  }
}
