package dev.profilekit.testing.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.MACSigner;
import java.util.Map;

/** Serialises and signs claims as a compact JWT, correctly or in one of the ways tests need broken. */
public final class JwtMinter {

  /** How to sign. */
  public enum Signing {
    /** RS256 with the trusted test key. */
    TRUSTED,
    /** RS256 with a key that is not in the JWKS but has the trusted key's {@code kid}. */
    UNTRUSTED_KEY,
    /** RS256 with the trusted key, then one character of the signature changed. */
    TAMPERED,
    /** {@code alg: none}, no signature. */
    UNSIGNED,
    /** HS256 with the trusted public key's encoding as the HMAC secret (the classic key-confusion attack). */
    HS256_WITH_PUBLIC_KEY
  }

  private JwtMinter() {}

  /**
   * Builds the token.
   *
   * @param claims the claims ({@code exp}, {@code iat}, {@code nbf}, {@code auth_time} in epoch seconds)
   * @param keyId the header's {@code kid}, or null for none
   * @param signing how to sign
   * @return the compact serialisation
   */
  public static String mint(Map<String, Object> claims, String keyId, Signing signing) {
    // The payload is serialised as is, without claim type checks: tests need ill-typed claims too.
    Payload payload = new Payload(claims);
    try {
      switch (signing) {
        case UNSIGNED:
          return new PlainObject(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), payload).serialize();
        case HS256_WITH_PUBLIC_KEY: {
          JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).type(JOSEObjectType.JWT).build(), payload);
          jws.sign(new MACSigner(TestKeys.trusted().publicKey().getEncoded()));
          return jws.serialize();
        }
        default: {
          JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), payload);
          jws.sign(signing == Signing.UNTRUSTED_KEY ? TestKeys.untrusted().signer() : TestKeys.trusted().signer());
          String token = jws.serialize();
          return signing == Signing.TAMPERED ? tamper(token) : token;
        }
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("the test key cannot sign", e);
    }
  }

  private static String tamper(String token) {
    int signatureStart = token.lastIndexOf('.') + 1;
    // Change a character well inside the signature: the last one may only carry padding bits.
    int position = signatureStart + (token.length() - signatureStart) / 2;
    char replacement = token.charAt(position) == 'A' ? 'B' : 'A';
    return token.substring(0, position) + replacement + token.substring(position + 1);
  }
}
