package dev.profilekit.aws.jwt.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
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
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JWS signature, keeping one verifier per key so the public key is decoded once, not per
 * token.
 *
 * <p>RS256/384/512 (all Cognito uses) are checked with the JDK's {@code Signature} directly on the
 * signing input and the signature bytes: nimbus's {@code RSASSAVerifier} does the same JCA call,
 * but first decodes the signature with its own base64 codec: 4-5 us for a 256-byte signature
 * against 0.1 us for {@code java.util.Base64}, some 5% of a whole verification on the benchmark
 * machine (docs/performance.md). The segment is already known to be
 * canonical base64url ({@link TokenParts}), so the JDK decoder sees the same bytes. Other
 * algorithms (PS*, ES*) go through nimbus.
 */
public final class SignatureCheck {

  /** Cognito pools have two keys; a few pools and rotations stay far below this. */
  private static final int MAX_VERIFIERS = 64;

  private static final int MIN_RSA_BITS = 2048;

  private static final Map<JWSAlgorithm, String> JCA_RSA =
      Map.of(JWSAlgorithm.RS256, "SHA256withRSA", JWSAlgorithm.RS384, "SHA384withRSA", JWSAlgorithm.RS512, "SHA512withRSA");
  private static final Base64.Decoder SIGNATURE_DECODER = Base64.getUrlDecoder();

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
      String jcaRsa = JCA_RSA.get(header.getAlgorithm());
      if (jcaRsa != null && verifier instanceof RSASSAVerifier rsa) {
        valid = verifyRsa(jcaRsa, rsa.getPublicKey(), parts);
      } else {
        valid =
            verifier.verify(
                header,
                parts.signingInput().getBytes(StandardCharsets.US_ASCII),
                new Base64URL(parts.signatureSegment()));
      }
    } catch (JOSEException | IllegalStateException e) {
      throw Rejections.reject(Reason.BAD_SIGNATURE, "The token's signature could not be checked", e);
    }
    if (!valid) {
      throw Rejections.reject(Reason.BAD_SIGNATURE, "The token's signature does not verify");
    }
  }

  /** What {@code RSASSAVerifier.verify} does for RS*, with the JDK's base64url decoder. */
  private static boolean verifyRsa(String jcaName, RSAPublicKey key, TokenParts parts) throws JOSEException {
    try {
      Signature signature = Signature.getInstance(jcaName);
      signature.initVerify(key);
      signature.update(parts.signingInput().getBytes(StandardCharsets.US_ASCII));
      return signature.verify(SIGNATURE_DECODER.decode(parts.signatureSegment()));
    } catch (InvalidKeyException e) {
      throw new JOSEException("Invalid public RSA key: " + e.getMessage(), e);
    } catch (SignatureException e) {
      // As nimbus: a signature that cannot even be parsed (wrong length) does not verify.
      return false;
    } catch (GeneralSecurityException e) {
      throw new JOSEException(e.getMessage(), e);
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
