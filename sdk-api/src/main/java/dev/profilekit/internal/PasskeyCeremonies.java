package dev.profilekit.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.PasskeyRejectedException.Reason;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The relying party's half of the two WebAuthn ceremonies (W3C Web Authentication, level 2,
 * sections 7.1 and 7.2), written once: the in-memory service and the AWS implementation's
 * stand-in for Cognito verify passkeys with it, so a credential one accepts the other accepts.
 *
 * <ul>
 *   <li>Registration: {@link #creationOptions} for {@code navigator.credentials.create()}, then
 *       {@link #verifyRegistration}: the client data is a {@code webauthn.create} for the
 *       challenge given and an origin of the relying party; the authenticator data's rpIdHash is
 *       SHA-256 of the relying party id, the user was present, and it holds the new credential's
 *       id and its ES256 (P-256) COSE key. Attestation statements are not checked: the options
 *       ask for {@code "attestation":"none"}, as a relying party that trusts no attestation may.
 *   <li>Sign-in: {@link #requestOptions} for {@code navigator.credentials.get()}, then {@link
 *       #verifyAssertion}: a {@code webauthn.get} for the challenge, the same origin and rpIdHash
 *       checks, a signature over {@code authenticatorData || SHA-256(clientDataJSON)} that
 *       verifies with the registered key, and a signature counter that moved forward (when
 *       either count is not zero; authenticators that keep none always send zero).
 * </ul>
 *
 * <p>Credentials arrive as the browser's {@code PublicKeyCredential.toJSON()}: binary fields in
 * base64url. A text that is not such JSON is an {@link InvalidRequestException} ({@code
 * credential}); a well-formed credential that fails a check is a {@link PasskeyRejectedException}
 * naming which. Messages never quote the credential or the challenge.
 */
public final class PasskeyCeremonies {

  /** COSE algorithm ES256: ECDSA over P-256 with SHA-256, the one key type offered and accepted. */
  public static final long ES256 = -7;
  /** How long a ceremony's options say the browser may take, in milliseconds: Cognito's 3-minute challenge. */
  public static final long TIMEOUT_MILLIS = 180_000;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final int FLAG_USER_PRESENT = 0x01;
  private static final int FLAG_ATTESTED_CREDENTIAL = 0x40;
  private static final String FIELD = "credential";

  private PasskeyCeremonies() {}

  /**
   * A registration that verified: what a relying party keeps of the passkey.
   *
   * @param credentialId the credential id, base64url
   * @param publicKey the credential's public key
   * @param signCount the authenticator's signature counter at registration
   * @param transports the transports the browser reported, possibly none
   * @param attachment {@code platform} or {@code cross-platform}, when the browser said
   */
  public record Registered(String credentialId, ECPublicKey publicKey, long signCount, List<String> transports,
      Optional<String> attachment) {
    /** Copies the transports. */
    public Registered {
      transports = List.copyOf(transports);
    }
  }

  /**
   * Makes a new challenge: 32 random bytes, base64url.
   *
   * @param random the source
   * @return the challenge
   */
  public static String newChallenge(SecureRandom random) {
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    return BASE64URL.encodeToString(challenge);
  }

  /**
   * Writes the {@code PublicKeyCredentialCreationOptions} of a registration, as JSON
   * ({@code PublicKeyCredential.parseCreationOptionsFromJSON} reads it).
   *
   * @param rpId the relying party id
   * @param rpName the relying party's name
   * @param userHandle the user's opaque id (WebAuthn's {@code user.id})
   * @param userName the user's name (their email)
   * @param challenge what {@link #newChallenge} gave
   * @param excludeCredentialIds the user's passkeys, which the authenticator must not register again
   * @return the options
   */
  public static String creationOptions(String rpId, String rpName, byte[] userHandle, String userName, String challenge,
      Collection<String> excludeCredentialIds) {
    return "{\"challenge\":" + quote(challenge)
        + ",\"rp\":{\"id\":" + quote(rpId) + ",\"name\":" + quote(rpName) + "}"
        + ",\"user\":{\"id\":" + quote(BASE64URL.encodeToString(userHandle)) + ",\"name\":" + quote(userName)
        + ",\"displayName\":" + quote(userName) + "}"
        + ",\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":" + ES256 + "}]"
        + ",\"timeout\":" + TIMEOUT_MILLIS
        + ",\"excludeCredentials\":" + descriptors(excludeCredentialIds)
        + ",\"authenticatorSelection\":{\"residentKey\":\"required\",\"requireResidentKey\":true,\"userVerification\":\"preferred\"}"
        + ",\"attestation\":\"none\"}";
  }

  /**
   * Writes the {@code PublicKeyCredentialRequestOptions} of a sign-in, as JSON.
   *
   * @param rpId the relying party id
   * @param challenge what {@link #newChallenge} gave
   * @param allowCredentialIds the user's passkeys
   * @return the options
   */
  public static String requestOptions(String rpId, String challenge, Collection<String> allowCredentialIds) {
    return "{\"challenge\":" + quote(challenge) + ",\"rpId\":" + quote(rpId) + ",\"timeout\":" + TIMEOUT_MILLIS
        + ",\"allowCredentials\":" + descriptors(allowCredentialIds) + ",\"userVerification\":\"preferred\"}";
  }

  /**
   * A registration's pending challenge with the time it was handed out. Cognito refuses a
   * registration whose challenge has expired ({@code WebAuthnChallengeNotFoundException}); it
   * lives as long as the options tell the browser it may take, {@link #TIMEOUT_MILLIS}.
   *
   * @param challenge the challenge
   * @param issuedAt when {@code StartWebAuthnRegistration} handed it out
   */
  public record PendingChallenge(String challenge, Instant issuedAt) {

    /**
     * Returns the challenge while it is live.
     *
     * @param now the time of the completion
     * @return the challenge, or null once expired (refused then as no pending challenge)
     */
    public String liveAt(Instant now) {
      return now.isBefore(issuedAt.plusMillis(TIMEOUT_MILLIS)) ? challenge : null;
    }
  }

  /**
   * Verifies a registration credential against the user's pending challenge, refused as none
   * pending once that challenge has expired.
   *
   * @param credentialJson the browser's credential, {@code PublicKeyCredential.toJSON()}
   * @param pending the user's pending registration, or null when none is
   * @param now the time of the completion
   * @param rpId the relying party id
   * @return what to keep
   * @throws InvalidRequestException if the text is not a registration credential
   * @throws PasskeyRejectedException if a check fails
   */
  public static Registered verifyRegistration(String credentialJson, PendingChallenge pending, Instant now, String rpId) {
    return verifyRegistration(credentialJson, pending == null ? null : pending.liveAt(now), rpId);
  }

  /**
   * Verifies a registration credential against a challenge known to be live.
   *
   * @param credentialJson the browser's credential, {@code PublicKeyCredential.toJSON()}
   * @param expectedChallenge the pending registration's challenge, or null when none is pending
   * @param rpId the relying party id
   * @return what to keep
   * @throws InvalidRequestException if the text is not a registration credential
   * @throws PasskeyRejectedException if a check fails
   */
  public static Registered verifyRegistration(String credentialJson, String expectedChallenge, String rpId) {
    Map<String, Object> credential = credential(credentialJson);
    Map<String, Object> response = object(credential, "response");
    byte[] clientDataJson = base64url(response, "clientDataJSON");
    checkClientData(clientDataJson, "webauthn.create", expectedChallenge, rpId);
    Object attestation;
    try {
      attestation = Cbor.decode(base64url(response, "attestationObject"));
    } catch (IllegalArgumentException notCbor) {
      throw malformed("response.attestationObject is not CBOR");
    }
    if (!(attestation instanceof Map<?, ?> attestationObject) || !(attestationObject.get("authData") instanceof byte[] authData)) {
      throw malformed("response.attestationObject lacks authData");
    }
    checkAuthenticatorData(authData, rpId);
    if ((authData[32] & FLAG_ATTESTED_CREDENTIAL) == 0 || authData.length < 55) {
      throw malformed("the authenticator data holds no attested credential");
    }
    int idLength = ((authData[53] & 0xff) << 8) | (authData[54] & 0xff);
    if (authData.length < 55 + idLength) {
      throw malformed("the authenticator data is truncated");
    }
    byte[] credentialId = java.util.Arrays.copyOfRange(authData, 55, 55 + idLength);
    String id = BASE64URL.encodeToString(credentialId);
    if (!id.equals(text(credential, "id")) && !id.equals(text(credential, "rawId"))) {
      throw malformed("the credential's id is not the one its authenticator data names");
    }
    Object coseKey;
    try {
      coseKey = Cbor.decodePrefix(authData, 55 + idLength).value();
    } catch (IllegalArgumentException notCbor) {
      throw malformed("the credential's public key is not CBOR");
    }
    ECPublicKey publicKey = es256Key(coseKey);
    List<String> transports = new ArrayList<>();
    if (response.get("transports") instanceof List<?> listed) {
      listed.stream().filter(String.class::isInstance).map(String.class::cast).forEach(transports::add);
    }
    Optional<String> attachment = Optional.ofNullable(credential.get("authenticatorAttachment")).filter(String.class::isInstance)
        .map(String.class::cast);
    return new Registered(id, publicKey, signCount(authData), transports, attachment);
  }

  /**
   * Checks that a text is a credential as the browser serialises it (a JSON object of type {@code
   * public-key} with an id), before it is sent anywhere.
   *
   * @param credentialJson the browser's credential
   * @return its members
   * @throws InvalidRequestException if it is not
   */
  public static Map<String, Object> credentialObject(String credentialJson) {
    return credential(credentialJson);
  }

  /**
   * Reads which credential an assertion names, to find its key.
   *
   * @param credentialJson the browser's credential
   * @return the credential id, base64url
   * @throws InvalidRequestException if the text is not a credential
   */
  public static String credentialId(String credentialJson) {
    return text(credential(credentialJson), "id");
  }

  /**
   * Verifies a sign-in assertion against the registered key.
   *
   * @param credentialJson the browser's credential, {@code PublicKeyCredential.toJSON()}
   * @param expectedChallenge the sign-in challenge's
   * @param rpId the relying party id
   * @param publicKey the key registered for {@link #credentialId(String)}
   * @param storedSignCount the counter last seen
   * @return the counter to store from now on
   * @throws InvalidRequestException if the text is not an assertion credential
   * @throws PasskeyRejectedException if a check fails
   */
  public static long verifyAssertion(String credentialJson, String expectedChallenge, String rpId, ECPublicKey publicKey,
      long storedSignCount) {
    Map<String, Object> credential = credential(credentialJson);
    Map<String, Object> response = object(credential, "response");
    byte[] clientDataJson = base64url(response, "clientDataJSON");
    byte[] authData = base64url(response, "authenticatorData");
    byte[] signature = base64url(response, "signature");
    checkClientData(clientDataJson, "webauthn.get", expectedChallenge, rpId);
    checkAuthenticatorData(authData, rpId);
    boolean verified;
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(publicKey);
      verifier.update(authData);
      verifier.update(sha256(clientDataJson));
      verified = verifier.verify(signature);
    } catch (GeneralSecurityException badSignature) {
      // A signature that is not DER, say: it verifies nothing.
      verified = false;
    }
    if (!verified) {
      throw new PasskeyRejectedException(Reason.SIGNATURE, "The passkey's signature does not verify with the registered key");
    }
    long signCount = signCount(authData);
    if ((signCount != 0 || storedSignCount != 0) && signCount <= storedSignCount) {
      throw new PasskeyRejectedException(Reason.SIGN_COUNT,
          "The passkey's signature counter did not increase: the authenticator may have been cloned");
    }
    return signCount;
  }

  /**
   * Names a passkey for listing, as Cognito names them automatically: by the kind of
   * authenticator. (Cognito's own names come from the authenticator's model; the in-memory
   * service and the stand-in use this rule.)
   *
   * @param registered the passkey
   * @return {@code Platform passkey}, {@code Security key} or {@code Passkey}
   */
  public static String friendlyName(Registered registered) {
    return registered.attachment().map(attachment -> "platform".equals(attachment) ? "Platform passkey"
        : "cross-platform".equals(attachment) ? "Security key" : "Passkey").orElse("Passkey");
  }

  /**
   * Tells whether a browser origin belongs to a relying party: HTTPS on the relying party id or
   * one of its subdomains (WebAuthn's rule), or plain HTTP on {@code localhost} for development.
   *
   * @param origin the client data's origin, such as {@code https://auth.example.com}
   * @param rpId the relying party id
   * @return true when allowed
   */
  public static boolean originAllowed(String origin, String rpId) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (java.net.URISyntaxException notAUri) {
      return false;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String id = rpId.toLowerCase(Locale.ROOT);
    boolean onRp = host.equals(id) || host.endsWith("." + id);
    return onRp && ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && "localhost".equals(host)));
  }

  private static void checkClientData(byte[] clientDataJson, String type, String expectedChallenge, String rpId) {
    Object parsed;
    try {
      parsed = JsonText.parse(new String(clientDataJson, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notJson) {
      throw malformed("response.clientDataJSON is not JSON");
    }
    if (!(parsed instanceof Map<?, ?> clientData) || !(clientData.get("type") instanceof String actualType)
        || !(clientData.get("challenge") instanceof String challenge) || !(clientData.get("origin") instanceof String origin)) {
      throw malformed("response.clientDataJSON lacks type, challenge or origin");
    }
    if (!type.equals(actualType)) {
      throw malformed("the client data is a " + actualType + ", not a " + type);
    }
    if (expectedChallenge == null || !Pkce.constantTimeEquals(expectedChallenge, challenge)) {
      throw new PasskeyRejectedException(Reason.CHALLENGE, "The passkey answers another challenge than this ceremony's");
    }
    if (!originAllowed(origin, rpId)) {
      throw new PasskeyRejectedException(Reason.ORIGIN, "The browser's origin does not belong to the relying party " + rpId);
    }
  }

  private static void checkAuthenticatorData(byte[] authData, String rpId) {
    if (authData.length < 37) {
      throw malformed("the authenticator data is truncated");
    }
    byte[] rpIdHash = java.util.Arrays.copyOfRange(authData, 0, 32);
    if (!MessageDigest.isEqual(rpIdHash, sha256(rpId.getBytes(StandardCharsets.UTF_8)))) {
      throw new PasskeyRejectedException(Reason.RELYING_PARTY, "The passkey was made for another relying party than " + rpId);
    }
    if ((authData[32] & FLAG_USER_PRESENT) == 0) {
      throw new PasskeyRejectedException(Reason.USER_PRESENCE, "The authenticator did not report the user present");
    }
  }

  private static long signCount(byte[] authData) {
    return ((authData[33] & 0xffL) << 24) | ((authData[34] & 0xffL) << 16) | ((authData[35] & 0xffL) << 8) | (authData[36] & 0xffL);
  }

  /** A COSE_Key (RFC 9053) of type EC2 on P-256 for ES256: kty 2, alg -7, crv 1, x and y 32 bytes. */
  private static ECPublicKey es256Key(Object cose) {
    if (!(cose instanceof Map<?, ?> key)) {
      throw malformed("the credential's public key is not a COSE key");
    }
    if (!Long.valueOf(2).equals(key.get(1L)) || !Long.valueOf(ES256).equals(key.get(3L)) || !Long.valueOf(1).equals(key.get(-1L))) {
      throw new PasskeyRejectedException(Reason.UNSUPPORTED, "The passkey's key is not ES256 on P-256, the one type accepted");
    }
    if (!(key.get(-2L) instanceof byte[] x) || !(key.get(-3L) instanceof byte[] y) || x.length != 32 || y.length != 32) {
      throw malformed("the credential's public key lacks its coordinates");
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
      ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
      // The JDK's KeyFactory builds a key of any coordinates (found by PasskeyCredentialFuzzTest):
      // the point is checked here, as a relying party must before it keeps a key.
      if (!onCurve(point, curve)) {
        throw notAPointOfP256();
      }
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    } catch (GeneralSecurityException notOnCurve) {
      throw notAPointOfP256();
    }
  }

  private static PasskeyRejectedException notAPointOfP256() {
    return new PasskeyRejectedException(Reason.UNSUPPORTED, "The passkey's key is not a point of P-256");
  }

  /** Whether a point with coordinates below p satisfies y^2 = x^3 + ax + b (mod p). */
  private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
    BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB());
    return y.pow(2).subtract(right).mod(p).signum() == 0;
  }

  private static Map<String, Object> credential(String credentialJson) {
    Object parsed;
    try {
      parsed = JsonText.parse(RequestChecks.requiredText(credentialJson, FIELD));
    } catch (IllegalArgumentException notJson) {
      throw malformed("not JSON");
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw malformed("not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> credential = (Map<String, Object>) parsed;
    if (!"public-key".equals(credential.get("type"))) {
      throw malformed("its type is not public-key");
    }
    text(credential, "id");
    return credential;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> parent, String name) {
    if (!(parent.get(name) instanceof Map<?, ?> child)) {
      throw malformed(name + " is missing");
    }
    return (Map<String, Object>) child;
  }

  private static String text(Map<String, Object> parent, String name) {
    if (!(parent.get(name) instanceof String value) || value.isEmpty()) {
      throw malformed(name + " is missing");
    }
    return value;
  }

  private static byte[] base64url(Map<String, Object> parent, String name) {
    try {
      return Base64.getUrlDecoder().decode(text(parent, name));
    } catch (IllegalArgumentException notBase64url) {
      throw malformed("response." + name + " is not base64url");
    }
  }

  private static InvalidRequestException malformed(String what) {
    return new InvalidRequestException(FIELD, RequestChecks.FORMAT, "a PublicKeyCredential as JSON (PublicKeyCredential.toJSON()); "
        + what);
  }

  private static String descriptors(Collection<String> credentialIds) {
    StringBuilder json = new StringBuilder("[");
    for (String id : credentialIds) {
      json.append(json.length() > 1 ? "," : "").append("{\"type\":\"public-key\",\"id\":").append(quote(id)).append('}');
    }
    return json.append(']').toString();
  }

  /** A JSON string literal, written by the one JSON writer. */
  static String quote(String text) {
    return JsonWriter.string(text);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
