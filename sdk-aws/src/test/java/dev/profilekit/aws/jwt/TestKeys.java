package dev.profilekit.aws.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Arrays;

/** RSA keys generated once per test JVM (generation costs ~100 ms each). */
final class TestKeys {

  static final RSAKey POOL_KEY = rsa("pool-key-1");
  static final RSAKey POOL_KEY_2 = rsa("pool-key-2");
  /** Not in any pool's key set; an attacker's key. */
  static final RSAKey OUTSIDER = rsa("outsider");

  private TestKeys() {}

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWKS JSON holding {@code keys}, as a pool's endpoint serves it. */
  static String jwks(JWK... keys) {
    return new JWKSet(Arrays.asList(keys)).toPublicJWKSet().toString();
  }

  /** The same key pair under another kid (signs fine, but the pool does not know the kid). */
  static RSAKey rsaWithKid(RSAKey key, String kid) {
    return new RSAKey.Builder(key).keyID(kid).build();
  }
}
