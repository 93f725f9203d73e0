package dev.profilekit.testing.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;

/**
 * The RSA key pairs every in-memory service and token minter shares. They are fixed and shipped
 * in this jar ({@code test-keys.json}), not generated: generating a 2048 bit key costs seconds on a
 * busy CI machine, and a fixed key gives the same JWKS in every run. These keys are public
 * knowledge: never let a production verifier trust them.
 *
 * <p>{@link #trusted()} signs the tokens the fake issues and is published in the JWKS; {@link
 * #untrusted()} has no place in the JWKS and exists to forge signatures in tests.
 */
public final class TestKeys {

  /** The {@code kid} of the trusted key, as it appears in token headers and the JWKS. */
  public static final String KEY_ID = "profilekit-test-key-1";

  private final RSAKey key;
  private final JWSSigner signer;
  private final JWSVerifier verifier;

  private TestKeys(RSAKey key) {
    try {
      this.key = key;
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("the shipped test key is not a usable RSA key", e);
    }
  }

  private static final class Trusted {
    static final TestKeys KEYS = new TestKeys(load("trusted"));
    static final String JWKS_JSON = new JWKSet(KEYS.key.toPublicJWK()).toString(true);
  }

  private static final class Untrusted {
    // Same kid as the trusted key: a verifier finds "its" key and the signature check must fail.
    static final TestKeys KEYS = new TestKeys(load("untrusted"));
  }

  private static RSAKey load(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream("test-keys.json")) {
      if (in == null) {
        throw new IllegalStateException("test-keys.json is missing from the profilekit-testing jar");
      }
      Map<String, Object> keys = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return RSAKey.parse(JSONObjectUtils.getJSONObject(keys, name));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("test-keys.json cannot be read", e);
    }
  }
  /**
   * Returns the trusted key pair.
   *
   * @return the keys
   */
  public static TestKeys trusted() {
    return Trusted.KEYS;
  }

  /**
   * Returns a key pair no verifier trusts, with the trusted key's {@code kid}.
   *
   * @return the keys
   */
  public static TestKeys untrusted() {
    return Untrusted.KEYS;
  }

  /**
   * Returns the public JWKS of the trusted key, in the shape Cognito serves at {@code
   * /.well-known/jwks.json}.
   *
   * @return the JSON
   */
  public static String jwksJson() {
    return Trusted.JWKS_JSON;
  }

  /**
   * Returns the signer.
   *
   * @return a thread-safe RS256 signer
   */
  public JWSSigner signer() {
    return signer;
  }

  /**
   * Returns the verifier.
   *
   * @return a thread-safe RS256 verifier
   */
  public JWSVerifier verifier() {
    return verifier;
  }

  /**
   * Returns the public key.
   *
   * @return the key
   */
  public RSAPublicKey publicKey() {
    try {
      return key.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
