package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.profilekit.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JWS signature with nimbus, keeping one verifier per key so the public key is decoded
 * once, not per token.
 */
public final class SignatureCheck {

  /** Cognito pools have two keys; a few pools and rotations stay far below this. */
  private static final int MAX_VERIFIERS = 64;

  private static final int MIN_RSA_BITS = 2048;

  private final ConcurrentHashMap<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();

  /**
   * Verifies a token's signature with {@code key}.
   *
   * @param header the token's parsed header
   * @param parts the token's segments
   * @param key the public key the pool's key set holds under the token's kid
   * @throws dev.profilekit.TokenRejectedException BAD_SIGNATURE, or UNKNOWN_KEY for an unusable key
   */
  public void verify(JWSHeader header, TokenParts parts, JWK key) {
    JWSVerifier verifier = verifiers.get(key);
    if (verifier == null) {
      verifier = create(key);
      if (verifiers.size() >= MAX_VERIFIERS) {
        verifiers.clear();
      }
      verifiers.put(key, verifier);
    }
    boolean valid;
    try {
      valid =
          verifier.verify(
              header,
              parts.signingInput().getBytes(StandardCharsets.US_ASCII),
              new Base64URL(parts.signatureSegment()));
    } catch (JOSEException | IllegalStateException e) {
      throw Rejections.reject(Reason.BAD_SIGNATURE, "The token's signature could not be checked", e);
    }
    if (!valid) {
      throw Rejections.reject(Reason.BAD_SIGNATURE, "The token's signature does not verify");
    }
  }

  private static JWSVerifier create(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        if (rsa.size() < MIN_RSA_BITS) {
          throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's key is an RSA key under 2048 bits");
        }
        return new RSASSAVerifier(rsa);
      }
      if (key instanceof ECKey ec) {
        return new ECDSAVerifier(ec);
      }
    } catch (JOSEException e) {
      throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's key cannot verify signatures", e);
    }
    throw Rejections.reject(Reason.UNKNOWN_KEY, "The token's key has an unsupported type");
  }
}
