package dev.profilekit.examples.demo;

import dev.profilekit.testing.TotpCodes;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * Plays the user's authenticator app in the demo: it "scans" the {@code otpauth://} URI an
 * enrolment shows as a QR code, keeps the secret it carries, and shows the code of the current
 * 30-second step, as Google Authenticator or any RFC 6238 app does.
 *
 * <p>The codes come from {@link TotpCodes} of profilekit-testing, which the examples already
 * depend on for the in-memory backend, so the repository has one TOTP generator, the one the
 * contract tests answer with. The demo plays the app on AWS too: it never prints the secret (a
 * person could not scan it), and it deletes its user at the end.
 */
final class AuthenticatorApp {

  private final String secret;
  private final Clock clock;

  private AuthenticatorApp(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /**
   * Adds the account an enrolment's key URI describes, as a phone's camera would.
   *
   * @param otpauthUri the {@code otpauth://totp/...?secret=...} URI
   * @param clock the phone's clock
   * @return the app, holding the account's secret
   */
  static AuthenticatorApp scan(URI otpauthUri, Clock clock) {
    return new AuthenticatorApp(TotpCodes.secretOf(otpauthUri), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns the six digits the app shows now.
   *
   * @return the current code; a secret, never printed
   */
  String currentCode() {
    return TotpCodes.codeAt(secret, clock.instant());
  }

  /**
   * Shows a key URI without its secret: the scheme, the label (issuer and account) and a masked
   * {@code secret}; the other parameters (issuer, algorithm, digits, period) are left out.
   *
   * @param otpauthUri the key URI
   * @return for example {@code otpauth://totp/Issuer:ada%40example.com?secret=****&...}
   */
  static String masked(URI otpauthUri) {
    return otpauthUri.getScheme() + "://" + otpauthUri.getRawAuthority() + otpauthUri.getRawPath() + "?secret=****&...";
  }

  /** Masks the secret, like every ProfileKit value that holds one. */
  @Override
  public String toString() {
    return "AuthenticatorApp[secret=****]";
  }
}
