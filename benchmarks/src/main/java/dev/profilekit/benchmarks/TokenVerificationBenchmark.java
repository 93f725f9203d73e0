package dev.profilekit.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.RevocationCache;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying one Cognito-shaped RS256 ID token: the bare JDK signature check (the floor no verifier
 * can beat) beside ProfileKit's {@link CognitoTokenVerifier} (keys cached, with and without its
 * verified-token cache) and nimbus-jose-jwt's stock processor, all on the same token and the same
 * 2048-bit key.
 */
@Fork(1)
// 8 warm-up seconds: on the 2-core build machine the verifier's C2 code was not ready after 5.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenVerificationBenchmark {

  static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench1234";
  static final String CLIENT_ID = "benchclient1234567890";

  RSAPublicKey publicKey;
  String token;
  byte[] signingInput;
  byte[] signature;
  CognitoTokenVerifier uncachedVerifier;
  CognitoTokenVerifier cachingVerifier;
  CognitoTokenVerifier revocationCheckingVerifier;
  DefaultJWTProcessor<SecurityContext> nimbusProcessor;

  /**
   * Mints the token with the test key, prepares each verifier, and checks that every one of them
   * accepts the token (a benchmark of a rejection would measure the wrong path).
   *
   * @throws Exception if parsing the key set fails or a verifier rejects the token
   */
  @Setup
  public void setUp() throws Exception {
    SeededUser ada = InMemoryUserProfileService.create()
        .seed(TestUsers.email("ada@example.com").givenName("Ada").familyName("Lovelace"));
    token = TestTokens.forUserPool(ISSUER, CLIENT_ID).validIdToken(ada);
    // The same key that signed the token: the baseline does exactly the RSA work the verifiers do.
    publicKey = TestTokens.publicKey();
    int lastDot = token.lastIndexOf('.');
    signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
    if (publicKey.getModulus().bitLength() != 2048 || !jdkSignatureVerify()) {
      throw new IllegalStateException("the baseline must verify the token with its 2048-bit key");
    }

    uncachedVerifier = verifier(0);
    cachingVerifier = verifier(10_000);
    VerifiedUser first = cachingVerifier.verify(token);
    if (cachingVerifier.verify(token) != first || uncachedVerifier.verify(token) == uncachedVerifier.verify(token)) {
      throw new IllegalStateException("the caching verifier must answer from its cache, the other must not");
    }
    if (!first.userId().equals(ada.userId())) {
      throw new IllegalStateException("the verifier returned another user");
    }

    // Revocation on, as AwsUserProfileService wires it: the revocation cache in front of the
    // table. Its source answers from memory: a table lookup happens once per user per staleness
    // bound (5 s), which is not what this measures; the request-count tests count those.
    revocationCheckingVerifier = CognitoTokenVerifier.builder()
        .offlineUserPool(ISSUER, TestTokens.jwksJson())
        .clientIds(CLIENT_ID)
        .tokenUses(TokenUse.ID)
        .revocations(RevocationCache.builder().source(userId -> Optional.empty()).build())
        .build();
    if (!revocationCheckingVerifier.verify(token).userId().equals(ada.userId())) {
      throw new IllegalStateException("the revocation-checking verifier returned another user");
    }

    nimbusProcessor = new DefaultJWTProcessor<>();
    nimbusProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(TestTokens.jwksJson()))));
    DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(
        CLIENT_ID, new JWTClaimsSet.Builder().issuer(ISSUER).claim("token_use", "id").build(), Set.of("sub", "exp", "iat"));
    claimsVerifier.setMaxClockSkew(30);
    nimbusProcessor.setJWTClaimsSetVerifier(claimsVerifier);
    nimbusProcessor.process(token, null);
    warmUpEveryPath();
  }

  /**
   * Runs all five paths in turn for 3 s, so that every fork (one per benchmark method) compiles
   * the shared RSA code in the same mixed state. Without it the baseline's fork, which runs
   * nothing but RSA, measured its {@code BigInteger} work about 30% faster than the same work
   * inside the verifier's fork (JFR: {@code Signature.verify} is 74% of a verification), which
   * is a property of the benchmark, not of the verifier (docs/performance.md).
   */
  private void warmUpEveryPath() throws Exception {
    if (Boolean.getBoolean(PerformanceReport.SMOKE_PROPERTY)) {
      return;
    }
    long end = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < end) {
      jdkSignatureVerify();
      profileKitVerify();
      profileKitVerifyCached();
      profileKitVerifyCachedWithRevocations();
      nimbusDefaultProcessor();
    }
  }

  private static CognitoTokenVerifier verifier(int cacheSize) {
    return CognitoTokenVerifier.builder()
        .offlineUserPool(ISSUER, TestTokens.jwksJson())
        .clientIds(CLIENT_ID)
        .tokenUses(TokenUse.ID)
        .cacheSize(cacheSize)
        .build();
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
   * ProfileKit's full verification with the pool's keys cached (given offline) and the
   * verified-token cache off: shape, algorithm, issuer, key, signature, times, token use,
   * audience, claim mapping.
   *
   * @return the verified user
   */
  @Benchmark
  public VerifiedUser profileKitVerify() {
    return uncachedVerifier.verify(token);
  }

  /**
   * ProfileKit's verification of a token it has verified before: served from the verified-token
   * cache (SHA-256 of the token and a map lookup).
   *
   * @return the verified user
   */
  @Benchmark
  public VerifiedUser profileKitVerifyCached() {
    return cachingVerifier.verify(token);
  }

  /**
   * {@link #profileKitVerifyCached()} with revocation checking on, answered by the per-process
   * {@link RevocationCache} (what {@code AwsUserProfileService} does between two lookups of a
   * user's records): the extra cost of revocation on a hot token.
   *
   * @return the verified user
   */
  @Benchmark
  public VerifiedUser profileKitVerifyCachedWithRevocations() {
    return revocationCheckingVerifier.verify(token);
  }

  /**
   * nimbus-jose-jwt's stock processor with the same issuer, audience, token-use and required-claim
   * checks.
   *
   * @return the verified claims
   * @throws Exception if verification fails
   */
  @Benchmark
  public Object nimbusDefaultProcessor() throws Exception {
    return nimbusProcessor.process(token, null);
  }
}
