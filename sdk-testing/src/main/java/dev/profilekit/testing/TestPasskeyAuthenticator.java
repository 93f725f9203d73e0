package dev.profilekit.testing;

import dev.profilekit.internal.Cbor;
import dev.profilekit.internal.JsonText;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey authenticator for tests, playing the browser and the device: it answers the
 * WebAuthn options ProfileKit hands out ({@code startPasskeyRegistration}, {@link
 * dev.profilekit.SignInStep.Passkey#credentialRequestOptions()}) with the JSON the browser's
 * {@code PublicKeyCredential.toJSON()} would give, so that tests register passkeys and sign in
 * with them as a user would, on the in-memory service and on AWS alike.
 *
 * <p>Each instance holds one ES256 credential (a P-256 key pair made with the JDK's own crypto)
 * and a signature counter that grows with every assertion. Registration answers with attestation
 * {@code none}; the origin is {@code https://} plus the options' relying party id.
 *
 * <pre>{@code
 * TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();
 * profiles.completePasskeyRegistration(session, device.register(profiles.startPasskeyRegistration(session)));
 * SignInStep step = profiles.signInWith(email, FirstFactor.WEB_AUTHN);
 * String options = ((SignInStep.Passkey) step).credentialRequestOptions();
 * AuthSession signedIn = profiles.respond(step, SignInAnswer.passkey(device.signIn(options))).sessionOrThrow();
 * }</pre>
 *
 * <p>Like a test double, it answers any options, also ones that do not allow its credential (a
 * browser would offer none): what the server does with such an answer is for the test to see.
 * Thread-safe.
 */
public final class TestPasskeyAuthenticator {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Flags: user present (0x01), user verified (0x04). */
  private static final int FLAGS = 0x05;
  /** Flags of a registration: user present and verified, attested credential data (0x40). */
  private static final int REGISTRATION_FLAGS = FLAGS | 0x40;

  private final KeyPair keys;
  private final byte[] credentialId;
  private final String attachment;
  private long signCount;
  private String userHandle;

  private TestPasskeyAuthenticator(KeyPair keys, byte[] credentialId, String attachment) {
    this.keys = keys;
    this.credentialId = credentialId;
    this.attachment = attachment;
  }

  /**
   * Creates a platform authenticator (a device's built-in one) with a new key pair and a random
   * 16-byte credential id.
   *
   * @return the authenticator
   */
  public static TestPasskeyAuthenticator create() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return new TestPasskeyAuthenticator(newKeyPair(), id, "platform");
  }

  /**
   * Returns the credential's id, base64url, as {@link dev.profilekit.Passkey#credentialId()} lists it.
   *
   * @return the id
   */
  public String credentialId() {
    return BASE64URL.encodeToString(credentialId);
  }

  /**
   * Answers creation options: a new credential for their relying party and challenge.
   *
   * @param creationOptionsJson the {@code PublicKeyCredentialCreationOptions}, JSON
   * @return the registration credential, JSON
   */
  public String register(String creationOptionsJson) {
    Map<String, Object> options = object(JsonText.parse(creationOptionsJson), "options");
    return registerAnswering(creationOptionsJson, text(options, "challenge"));
  }

  /**
   * Answers creation options as {@link #register} does, but signs another challenge in: what a
   * replayed or mixed-up registration looks like, for tests of its refusal.
   *
   * @param creationOptionsJson the options
   * @param challenge the challenge to put in the client data instead of theirs
   * @return the registration credential, JSON
   */
  public synchronized String registerAnswering(String creationOptionsJson, String challenge) {
    Map<String, Object> options = object(JsonText.parse(creationOptionsJson), "options");
    String rpId = text(object(options.get("rp"), "rp"), "id");
    Object user = options.get("user");
    userHandle = user instanceof Map<?, ?> described && described.get("id") instanceof String id ? id : null;
    byte[] clientData = clientData("webauthn.create", challenge, rpId);
    ByteArrayOutputStream authData = authenticatorData(rpId, REGISTRATION_FLAGS, 0);
    authData.writeBytes(new byte[16]); // AAGUID: none, as attestation "none" sends
    authData.write(credentialId.length >> 8);
    authData.write(credentialId.length);
    authData.writeBytes(credentialId);
    authData.writeBytes(Cbor.encode(coseKey((ECPublicKey) keys.getPublic())));
    Map<String, Object> attestation = new LinkedHashMap<>();
    attestation.put("fmt", "none");
    attestation.put("attStmt", Map.of());
    attestation.put("authData", authData.toByteArray());
    return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\""
        + ",\"authenticatorAttachment\":\"" + attachment + "\",\"clientExtensionResults\":{}"
        + ",\"response\":{\"clientDataJSON\":\"" + BASE64URL.encodeToString(clientData) + "\""
        + ",\"attestationObject\":\"" + BASE64URL.encodeToString(Cbor.encode(attestation)) + "\""
        + ",\"transports\":[\"internal\",\"hybrid\"]}}";
  }

  /**
   * Answers request options: an assertion over their challenge, signed with this credential's
   * key, the counter one up.
   *
   * @param requestOptionsJson the {@code PublicKeyCredentialRequestOptions}, JSON
   * @return the assertion credential, JSON
   */
  public String signIn(String requestOptionsJson) {
    return assertion(requestOptionsJson, keys.getPrivate());
  }

  /**
   * Answers request options as {@link #signIn} does, but signs with a key that is not the
   * registered one: a forged assertion, for tests of its refusal.
   *
   * @param requestOptionsJson the options
   * @return the assertion credential, JSON
   */
  public String forgedSignIn(String requestOptionsJson) {
    return assertion(requestOptionsJson, newKeyPair().getPrivate());
  }

  private synchronized String assertion(String requestOptionsJson, PrivateKey signer) {
    Map<String, Object> options = object(JsonText.parse(requestOptionsJson), "options");
    String rpId = text(options, "rpId");
    byte[] clientData = clientData("webauthn.get", text(options, "challenge"), rpId);
    signCount++;
    byte[] authData = authenticatorData(rpId, FLAGS, signCount).toByteArray();
    byte[] signature;
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(signer);
      ecdsa.update(authData);
      ecdsa.update(MessageDigest.getInstance("SHA-256").digest(clientData));
      signature = ecdsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK signs ES256", e);
    }
    return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\""
        + ",\"authenticatorAttachment\":\"" + attachment + "\",\"clientExtensionResults\":{}"
        + ",\"response\":{\"clientDataJSON\":\"" + BASE64URL.encodeToString(clientData) + "\""
        + ",\"authenticatorData\":\"" + BASE64URL.encodeToString(authData) + "\""
        + ",\"signature\":\"" + BASE64URL.encodeToString(signature) + "\""
        + (userHandle == null ? "" : ",\"userHandle\":\"" + userHandle + "\"") + "}}";
  }

  private static byte[] clientData(String type, String challenge, String rpId) {
    return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"https://" + rpId
        + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
  }

  private static ByteArrayOutputStream authenticatorData(String rpId, int flags, long counter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.writeBytes(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    out.write(flags);
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (counter >> shift));
    }
    return out;
  }

  /** The COSE_Key of an ES256 public key, its entries in CTAP2's canonical order. */
  private static Map<Object, Object> coseKey(ECPublicKey key) {
    Map<Object, Object> cose = new LinkedHashMap<>();
    cose.put(1L, 2L);
    cose.put(3L, -7L);
    cose.put(-1L, 1L);
    cose.put(-2L, coordinate(key.getW().getAffineX()));
    cose.put(-3L, coordinate(key.getW().getAffineY()));
    return cose;
  }

  private static byte[] coordinate(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
    return fixed;
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK makes P-256 keys", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Map<String, Object> parent, String name) {
    if (!(parent.get(name) instanceof String value)) {
      throw new IllegalArgumentException("the options lack " + name);
    }
    return value;
  }

  @Override
  public String toString() {
    return "TestPasskeyAuthenticator[" + credentialId() + ", " + attachment + ", count " + signCount + "]";
  }
}
