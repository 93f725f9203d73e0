package dev.profilekit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A passkey (WebAuthn credential) registered for a user, as {@link
 * UserProfileService#listPasskeys(AuthSession)} lists it: what to show on an account page so the
 * user can recognise it and {@link UserProfileService#deletePasskey(AuthSession, String) delete}
 * it. It holds no key material: the public key stays with the user pool, the private key with the
 * user's authenticator.
 *
 * <p>Not to be confused with {@link SignInStep.Passkey}, the sign-in step that asks for one.
 */
@Value.Immutable
public abstract class Passkey {

  Passkey() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The credential's id, base64url as WebAuthn's {@code PublicKeyCredential.id}: what {@link
   * UserProfileService#deletePasskey(AuthSession, String)} takes.
   *
   * @return the id
   */
  public abstract String credentialId();

  /**
   * A name for the passkey the user pool chose (Cognito: "automatically-generated").
   *
   * @return the name
   */
  public abstract String friendlyName();

  /**
   * The relying party the passkey is bound to (Cognito's relying party id: the user pool domain
   * or the one configured); the browser offers it only on that domain.
   *
   * @return the relying party id, such as {@code auth.example.com}
   */
  public abstract String relyingPartyId();

  /**
   * The kind of authenticator, when it said: {@code platform} (built into the device) or {@code
   * cross-platform} (a security key, a phone).
   *
   * @return the attachment
   */
  public abstract Optional<String> authenticatorAttachment();

  /**
   * How the authenticator is reached, as WebAuthn names them ({@code internal}, {@code usb},
   * {@code nfc}, {@code ble}, {@code hybrid}); possibly none.
   *
   * @return the transports
   */
  public abstract List<String> transports();

  /**
   * When the passkey was registered.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /** Builds a {@link Passkey}; every value but the attachment and the transports is required. */
  public static final class Builder extends ImmutablePasskey.Builder {
    Builder() {}
  }
}
