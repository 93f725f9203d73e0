package dev.profilekit;

import java.net.URI;
import org.immutables.value.Value;

/**
 * An authenticator app being enrolled for a signed-in user ({@link
 * UserProfileService#startTotpEnrolment(AuthSession)}): show {@link #otpauthUri()} as a QR code
 * (or {@link #secret()} for typing), then confirm with the first code the app shows ({@link
 * UserProfileService#verifyTotpEnrolment(AuthSession, String)}).
 *
 * <p>Both values carry the shared secret: whoever reads them can compute the user's codes. They
 * are masked in {@link #toString()}; show them to the user once and keep them nowhere.
 */
@Value.Immutable
public abstract class TotpEnrolment {

  TotpEnrolment() {}

  /**
   * Creates an enrolment.
   *
   * @param otpauthUri the key URI
   * @param secret the base32 secret inside it
   * @return the value
   */
  public static TotpEnrolment of(URI otpauthUri, String secret) {
    return ImmutableTotpEnrolment.builder().otpauthUri(otpauthUri).secret(secret).build();
  }

  /**
   * The {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer} URI authenticator apps
   * read from a QR code.
   *
   * @return the URI
   */
  @Value.Redacted
  public abstract URI otpauthUri();

  /**
   * The base32 shared secret, for users who type it into their app.
   *
   * @return the secret
   */
  @Value.Redacted
  public abstract String secret();
}
