package dev.profilekit.internal;

import dev.profilekit.VerifiedUser;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The key URI authenticator apps read ({@code otpauth://totp/...}, Google Authenticator's "Key
 * Uri Format"), written once for both implementations: Cognito's TOTP parameters (SHA1, 6 digits,
 * 30 s), the issuer as the label's prefix and as a parameter, the user's email (else username) as
 * the account.
 */
public final class TotpUris {

  private TotpUris() {}

  /**
   * Builds {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
   *
   * @param issuer the name apps show above the code (the app's, or the user pool id)
   * @param account the user's name in the app
   * @param secret the base32 secret
   * @return the URI
   */
  public static URI otpauthUri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return URI.create("otpauth://totp/" + label + "?secret=" + encode(secret) + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=6&period=30");
  }

  /**
   * Returns the account name of a user in their authenticator app: the email, else the username.
   *
   * @param user the user
   * @return the account name
   */
  public static String account(VerifiedUser user) {
    return user.email().orElse(user.username());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
