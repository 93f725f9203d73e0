package dev.profilekit.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying one Cognito-shaped RS256 ID token: the bare JDK signature check (the floor no verifier
 * can beat) beside full verifiers of the same token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenVerificationBenchmark {

  static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench1234";
  static final String CLIENT_ID = "benchclient1234567890";

  RSAPublicKey publicKey;
  RSAKey jwk;
  String token;
  byte[] signingInput;
  byte[] signature;
  DefaultJWTProcessor<SecurityContext> nimbusProcessor;

  /**
   * Mints the token and prepares each verifier.
   *
   * @throws Exception if key generation or signing fails
   */
  @Setup
  public void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keyPair = generator.generateKeyPair();
    publicKey = (RSAPublicKey) keyPair.getPublic();
    jwk = new RSAKey.Builder(publicKey).privateKey(keyPair.getPrivate()).keyID("bench-key").build();
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("2f6c2c9e-1111-4a4a-9b9b-0123456789ab")
        .audience(CLIENT_ID)
        .claim("token_use", "id")
        .claim("cognito:username", "2f6c2c9e-1111-4a4a-9b9b-0123456789ab")
        .claim("email", "ada@example.com")
        .claim("email_verified", true)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench-key").build(), claims);
    jwt.sign(new RSASSASigner(keyPair.getPrivate()));
    token = jwt.serialize();
    int lastDot = token.lastIndexOf('.');
    signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));

    nimbusProcessor = new DefaultJWTProcessor<>();
    nimbusProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(jwk.toPublicJWK()))));
    nimbusProcessor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        CLIENT_ID, new JWTClaimsSet.Builder().issuer(ISSUER).claim("token_use", "id").build(), Set.of("sub", "exp", "iat")));
  }

  /**
   * The floor: one RS256 signature check of the token's signing input, nothing else.
   *
   * @return whether the signature verified, so the JIT cannot drop the work
   * @throws Exception if the JDK's signature provider fails
   */
  @Benchmark
  public boolean jdkSignatureVerify() throws Exception {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(signingInput);
    return verifier.verify(signature);
  }

  /**
   * nimbus-jose-jwt's stock processor with the same issuer, audience and token-use checks.
   *
   * @return the verified claims
   * @throws Exception if verification fails
   */
  @Benchmark
  public Object nimbusDefaultProcessor() throws Exception {
    return nimbusProcessor.process(token, null);
  }
}
