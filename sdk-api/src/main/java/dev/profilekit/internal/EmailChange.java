package dev.profilekit.internal;

import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * How both implementations change a user's email ({@code docs/account-lifecycle.md}): the input
 * rules, the order of the steps and what the stored profile becomes.
 *
 * <p>The user pool keeps the original, verified email active until the new one is verified
 * (Cognito's {@code AttributesRequireVerificationBeforeUpdate=[email]}): the user keeps signing in
 * and receiving codes at the old address, and the profile keeps it too. The profile never decides
 * the email: after each step the identity's email is read back and the stored profile made to
 * agree with it ({@link Steps#followIdentity()}), also after a wrong code, so that a rerun after a
 * crash between the identity's change and the profile's write repairs the profile.
 */
public final class EmailChange {

  /** Cognito's own limit on emails used as usernames. */
  public static final int MAX_EMAIL_LENGTH = 128;
  /** Codes Cognito sends are short; anything longer is not one. */
  public static final int MAX_CODE_LENGTH = 64;

  /** The field of the new email in refusals. */
  public static final String NEW_EMAIL = "newEmail";
  /** The field of the verification code in refusals. */
  public static final String CODE = "code";

  private EmailChange() {}

  /** One implementation's way of taking each step. */
  public interface Steps {

    /**
     * Has the user pool check the code and, when it matches, make the pending email the user's
     * verified email.
     *
     * @param code the code sent to the new email, already checked by {@link #code(String)}
     * @throws InvalidCodeException if the code is wrong or expired
     */
    void verifyAtIdentity(String code);

    /**
     * Makes the stored profile, if any, carry the identity's current email and verification flag;
     * changes nothing when it already does or no profile is stored.
     */
    void followIdentity();
  }

  /**
   * Checks the new email before any call.
   *
   * @param newEmail the new email
   * @return the email
   * @throws InvalidRequestException ({@value #NEW_EMAIL}, {@value RequestChecks#REQUIRED} or
   *     {@value RequestChecks#EMAIL})
   */
  public static String newEmail(String newEmail) {
    if (newEmail == null || newEmail.isEmpty()) {
      throw new InvalidRequestException(NEW_EMAIL, RequestChecks.REQUIRED, "an email address");
    }
    int at = newEmail.indexOf('@');
    if (newEmail.length() > MAX_EMAIL_LENGTH || hasWhitespaceOrControl(newEmail)
        || at <= 0 || at != newEmail.lastIndexOf('@') || at == newEmail.length() - 1) {
      throw new InvalidRequestException(NEW_EMAIL, RequestChecks.EMAIL,
          "an email address such as ada@example.com, at most " + MAX_EMAIL_LENGTH + " characters without spaces");
    }
    return newEmail;
  }

  /**
   * Checks a verification code's shape before any call; the message never contains it.
   *
   * @param code the code
   * @return the code
   * @throws InvalidRequestException ({@value #CODE}, {@value RequestChecks#REQUIRED} or {@value
   *     RequestChecks#FORMAT})
   */
  public static String code(String code) {
    if (code == null || code.isEmpty()) {
      throw new InvalidRequestException(CODE, RequestChecks.REQUIRED, "the code sent to the new email");
    }
    if (code.length() > MAX_CODE_LENGTH || hasWhitespaceOrControl(code)) {
      throw new InvalidRequestException(CODE, RequestChecks.FORMAT, "the code sent to the new email, without spaces");
    }
    return code;
  }

  /**
   * Confirms a change: the identity checks the code, then the profile follows the identity. The
   * profile follows after a wrong code too (it then changes nothing unless an earlier run was cut
   * short after the identity's change), and the code's refusal is thrown after that.
   *
   * @param steps the implementation's steps
   * @param code the code, already checked by {@link #code(String)}
   * @throws InvalidCodeException if the code is wrong or expired
   */
  public static void confirm(Steps steps, String code) {
    try {
      steps.verifyAtIdentity(code);
    } catch (InvalidCodeException refused) {
      steps.followIdentity();
      throw refused;
    }
    steps.followIdentity();
  }

  /**
   * Returns the stored profile carrying the identity's email, one version up, or empty when it
   * already carries it (nothing to write).
   *
   * @param stored the stored profile
   * @param email the identity's email, if it has one
   * @param verified whether the identity's email is verified
   * @param now the write instant
   * @return the next version, or empty
   */
  public static Optional<UserProfile> follow(UserProfile stored, Optional<String> email, boolean verified, Instant now) {
    if (stored.email().equals(email) && stored.emailVerified() == verified) {
      return Optional.empty();
    }
    return Optional.of(stored.toBuilder()
        .email(email)
        .emailVerified(verified)
        .version(stored.version() + 1)
        .updatedAt(now)
        .build());
  }

  private static boolean hasWhitespaceOrControl(String value) {
    return value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }
}
