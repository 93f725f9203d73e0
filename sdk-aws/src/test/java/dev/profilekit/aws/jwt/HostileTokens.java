package dev.profilekit.aws.jwt;

import static dev.profilekit.aws.jwt.TokenMinter.CLIENT;
import static dev.profilekit.aws.jwt.TokenMinter.ISSUER;
import static dev.profilekit.aws.jwt.TokenMinter.b64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hostile-token table: each case is a token, the verifier settings it meets (access tokens
 * only, unless the case says otherwise) and the one reason it must be rejected with. {@code
 * docs/security.md} lists the same names; a test keeps the two in step.
 */
final class HostileTokens {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final long T = NOW.getEpochSecond();
  static final int MAX_LENGTH = 4096;
  static final String KID = TestKeys.POOL_KEY.getKeyID();

  /** One hostile token. */
  record Case(String name, Supplier<String> token, Reason reason, UnaryOperator<CognitoTokenVerifier.Builder> config) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileTokens() {}

  /** The verifier every case starts from: one offline pool, one client, access tokens, the fixed clock. */
  static CognitoTokenVerifier.Builder baseVerifier() {
    return CognitoTokenVerifier.builder()
        .offlineUserPool(ISSUER, TestKeys.jwks(TestKeys.POOL_KEY))
        .clientIds(CLIENT)
        .tokenUses(TokenUse.ACCESS)
        .maxTokenLength(MAX_LENGTH)
        .clock(new MutableClock(NOW));
  }

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    UnaryOperator<CognitoTokenVerifier.Builder> same = b -> b;
    UnaryOperator<CognitoTokenVerifier.Builder> idOnly = b -> b.tokenUses(TokenUse.ID);
    // ---- time
    c.add(new Case("expired an hour ago", () -> access(m -> { m.put("iat", T - 7200); m.put("exp", T - 3600); }), Reason.EXPIRED, same));
    c.add(new Case("exp at now minus the 30 s skew (boundary)", () -> access(m -> m.put("exp", T - 30)), Reason.EXPIRED, same));
    c.add(new Case("exp equal to now, zero skew", () -> access(m -> m.put("exp", T)), Reason.EXPIRED, b -> b.clockSkew(java.time.Duration.ZERO)));
    c.add(new Case("missing exp", () -> access(m -> m.remove("exp")), Reason.MISSING_EXPIRY, same));
    c.add(new Case("exp null", () -> raw(TokenMinter.header(KID), accessJson().replace("\"exp\":" + (T + 3600), "\"exp\":null")), Reason.MALFORMED, same));
    c.add(new Case("exp as a string", () -> access(m -> m.put("exp", String.valueOf(T + 3600))), Reason.MALFORMED, same));
    c.add(new Case("exp as a fraction", () -> access(m -> m.put("exp", T + 3600.5)), Reason.MALFORMED, same));
    c.add(new Case("exp beyond any date", () -> raw(TokenMinter.header(KID), accessJson().replace("\"exp\":" + (T + 3600), "\"exp\":99999999999999999999")), Reason.MALFORMED, same));
    c.add(new Case("nbf beyond the skew", () -> access(m -> m.put("nbf", T + 31)), Reason.NOT_YET_VALID, same));
    c.add(new Case("nbf as a string", () -> access(m -> m.put("nbf", String.valueOf(T))), Reason.MALFORMED, same));
    c.add(new Case("iat in the future beyond the skew", () -> access(m -> { m.put("iat", T + 31); m.put("exp", T + 3600); }), Reason.ISSUED_IN_FUTURE, same));
    c.add(new Case("missing iat", () -> access(m -> m.remove("iat")), Reason.ISSUED_IN_FUTURE, same));
    c.add(new Case("lifetime over 24 h", () -> access(m -> { m.put("iat", T - 60); m.put("exp", T + 86400); }), Reason.LIFETIME_TOO_LONG, same));
    // ---- issuer, audience, token use
    c.add(new Case("wrong iss", () -> access(m -> m.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")), Reason.WRONG_ISSUER, same));
    c.add(new Case("iss with a trailing slash", () -> access(m -> m.put("iss", ISSUER + "/")), Reason.WRONG_ISSUER, same));
    c.add(new Case("missing iss", () -> access(m -> m.remove("iss")), Reason.WRONG_ISSUER, same));
    c.add(new Case("wrong client_id", () -> access(m -> m.put("client_id", "other-client")), Reason.WRONG_AUDIENCE, same));
    c.add(new Case("missing client_id", () -> access(m -> m.remove("client_id")), Reason.WRONG_AUDIENCE, same));
    c.add(new Case("id token with wrong aud", () -> id(m -> m.put("aud", "other-client")), Reason.WRONG_AUDIENCE, idOnly));
    c.add(new Case("id token with two audiences", () -> id(m -> m.put("aud", List.of(CLIENT, "other-client"))), Reason.WRONG_AUDIENCE, idOnly));
    c.add(new Case("id token with aud as a one-element array", () -> id(m -> m.put("aud", List.of(CLIENT))), Reason.WRONG_AUDIENCE, idOnly));
    c.add(new Case("id token where access is required", () -> id(m -> {}), Reason.WRONG_TOKEN_USE, same));
    c.add(new Case("access token where id is required", () -> access(m -> {}), Reason.WRONG_TOKEN_USE, idOnly));
    c.add(new Case("missing token_use", () -> access(m -> m.remove("token_use")), Reason.WRONG_TOKEN_USE, same));
    c.add(new Case("token_use refresh", () -> access(m -> m.put("token_use", "refresh")), Reason.WRONG_TOKEN_USE, same));
    // ---- algorithm and key
    c.add(new Case("alg none, empty signature", () -> b64("{\"alg\":\"none\"}") + "." + b64(accessJson()) + ".", Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("alg NONE with a copied signature", () -> withHeader("{\"kid\":\"" + KID + "\",\"alg\":\"NONE\"}"), Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("HS256 signed with the public key", HostileTokens::hs256WithPublicKey, Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("RS384 (valid signature, not allowed)", () -> nimbus(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(KID).build(), rsa(TestKeys.POOL_KEY)), Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("ES256 from a key of the attacker", HostileTokens::es256, Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("missing alg", () -> raw("{\"kid\":\"" + KID + "\"}", accessJson()), Reason.MALFORMED, same));
    c.add(new Case("unknown crit header", () -> raw("{\"kid\":\"" + KID + "\",\"alg\":\"RS256\",\"crit\":[\"exp-ext\"],\"exp-ext\":1}", accessJson()), Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("crit b64=false", () -> raw("{\"kid\":\"" + KID + "\",\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"]}", accessJson()), Reason.ALGORITHM_NOT_ALLOWED, same));
    c.add(new Case("signed by a key not in the set, pool kid", () -> TokenMinter.sign(TokenMinter.accessClaims(NOW), TestKeys.rsaWithKid(TestKeys.OUTSIDER, KID)), Reason.BAD_SIGNATURE, same));
    c.add(new Case("unknown kid", () -> TokenMinter.sign(TokenMinter.accessClaims(NOW), TestKeys.OUTSIDER), Reason.UNKNOWN_KEY, same));
    c.add(new Case("numeric kid", () -> raw("{\"kid\":12345,\"alg\":\"RS256\"}", accessJson()), Reason.MALFORMED, same));
    c.add(new Case("missing kid", () -> raw(TokenMinter.header(null), accessJson()), Reason.UNKNOWN_KEY, same));
    c.add(new Case("embedded jwk header of the attacker, pool kid", () -> nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).jwk(TestKeys.OUTSIDER.toPublicJWK()).build(), rsa(TestKeys.OUTSIDER)), Reason.BAD_SIGNATURE, same));
    c.add(new Case("jku header pointing at the attacker", () -> nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("outsider").jwkURL(URI.create("https://attacker.example/jwks.json")).build(), rsa(TestKeys.OUTSIDER)), Reason.UNKNOWN_KEY, same));
    c.add(new Case("x5u header pointing at the attacker", () -> nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("outsider").x509CertURL(URI.create("https://attacker.example/cert.pem")).build(), rsa(TestKeys.OUTSIDER)), Reason.UNKNOWN_KEY, same));
    // ---- tampering and shape
    c.add(new Case("tampered payload", HostileTokens::tamperedPayload, Reason.BAD_SIGNATURE, same));
    c.add(new Case("tampered header", () -> withHeader("{\"kid\":\"" + KID + "\",\"alg\":\"RS256\",\"typ\":\"JWT\"}"), Reason.BAD_SIGNATURE, same));
    c.add(new Case("signature cut short", () -> { String t = valid(); return t.substring(0, t.lastIndexOf('.') + 1 + 340); }, Reason.BAD_SIGNATURE, same));
    c.add(new Case("truncated to two segments", () -> { String t = valid(); return t.substring(0, t.lastIndexOf('.')); }, Reason.MALFORMED, same));
    c.add(new Case("truncated inside the payload", () -> { String t = valid(); return t.substring(0, t.indexOf('.') + 20); }, Reason.MALFORMED, same));
    c.add(new Case("extra segment", () -> valid() + ".AAAA", Reason.MALFORMED, same));
    c.add(new Case("five segments (JWE shape)", () -> valid() + ".AAAA.BBBB", Reason.MALFORMED, same));
    c.add(new Case("empty string", () -> "", Reason.MALFORMED, same));
    c.add(new Case("bad base64 character", () -> valid().replaceFirst("\\.", ".*"), Reason.MALFORMED, same));
    c.add(new Case("padded base64url signature", () -> valid() + "==", Reason.MALFORMED, same));
    c.add(new Case("standard base64 alphabet", () -> { String t = valid(); int s = t.lastIndexOf('.'); return t.substring(0, s) + t.substring(s).replace('-', '+').replace('_', '/'); }, Reason.MALFORMED, same));
    c.add(new Case("non-canonical last signature character", HostileTokens::nonCanonicalSignature, Reason.MALFORMED, same));
    c.add(new Case("leading space", () -> " " + valid(), Reason.MALFORMED, same));
    c.add(new Case("trailing newline", () -> valid() + "\n", Reason.MALFORMED, same));
    c.add(new Case("Bearer prefix", () -> "Bearer " + valid(), Reason.MALFORMED, same));
    c.add(new Case("huge token", () -> valid() + "A".repeat(MAX_LENGTH), Reason.TOO_LARGE, same));
    c.add(new Case("non-JSON payload", () -> raw(TokenMinter.header(KID), "hello"), Reason.MALFORMED, same));
    c.add(new Case("JSON array payload", () -> raw(TokenMinter.header(KID), "[" + accessJson() + "]"), Reason.MALFORMED, same));
    c.add(new Case("single-quoted (lenient) JSON payload", () -> raw(TokenMinter.header(KID), accessJson().replace("\"sub\"", "'sub'")), Reason.MALFORMED, same));
    c.add(new Case("payload not UTF-8", () -> TokenMinter.sign(TokenMinter.header(KID), new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, TestKeys.POOL_KEY), Reason.MALFORMED, same));
    c.add(new Case("JSON nested 40 deep", () -> raw(TokenMinter.header(KID), accessJson().replace("{\"sub\"", "{\"x\":" + "[".repeat(40) + "]".repeat(40) + ",\"sub\"")), Reason.MALFORMED, same));
    c.add(new Case("duplicate exp claim", () -> raw(TokenMinter.header(KID), accessJson().replace("{\"sub\"", "{\"exp\":" + (T + 999999) + ",\"sub\"")), Reason.MALFORMED, same));
    c.add(new Case("duplicate sub via a unicode escape", () -> raw(TokenMinter.header(KID), accessJson().replace("{\"sub\"", "{\"\\u0073ub\":\"someone-else\",\"sub\"")), Reason.MALFORMED, same));
    c.add(new Case("duplicate alg header member", () -> raw("{\"alg\":\"none\",\"kid\":\"" + KID + "\",\"alg\":\"RS256\"}", accessJson()), Reason.MALFORMED, same));
    c.add(new Case("header is a JSON array", () -> raw("[\"RS256\"]", accessJson()), Reason.MALFORMED, same));
    // ---- claims Cognito always sends
    c.add(new Case("missing sub", () -> access(m -> m.remove("sub")), Reason.MALFORMED, same));
    c.add(new Case("missing username", () -> access(m -> m.remove("username")), Reason.MALFORMED, same));
    c.add(new Case("cognito:groups as a string", () -> access(m -> m.put("cognito:groups", "admins")), Reason.MALFORMED, same));
    // ---- policy
    c.add(new Case("missing required group", () -> access(m -> m.put("cognito:groups", List.of("staff"))), Reason.MISSING_GROUP, b -> b.requiredGroups("admins")));
    c.add(new Case("missing required scope", () -> access(m -> m.put("scope", "openid")), Reason.MISSING_SCOPE, b -> b.requiredScopes("profile.write")));
    c.add(new Case("refused by the custom check", () -> access(m -> m.put("username", "mallory")), Reason.CUSTOM_CHECK_FAILED, b -> b.customCheck(u -> !u.username().equals("mallory"))));
    c.add(new Case("revoked (issued before sign-out everywhere)", () -> access(m -> { m.put("iat", T - 60); m.put("exp", T + 3000); }), Reason.REVOKED, b -> b.revocations(user -> Optional.of(NOW.minusSeconds(30)))));
    // Found by TokenVerifierFuzzTest: exp + skew overflowed Instant and escaped as DateTimeException.
    c.add(new Case("exp at the last instant Java can represent", () -> access(m -> m.put("exp", java.time.Instant.MAX.getEpochSecond())), Reason.LIFETIME_TOO_LONG, same));
    return c;
  }

  // ------------------------------------------------------------------ builders of tokens

  static String valid() {
    return TokenMinter.sign(TokenMinter.accessClaims(NOW), TestKeys.POOL_KEY);
  }

  private static String access(Consumer<Map<String, Object>> change) {
    Map<String, Object> claims = TokenMinter.accessClaims(NOW);
    change.accept(claims);
    return TokenMinter.sign(claims, TestKeys.POOL_KEY);
  }

  private static String id(Consumer<Map<String, Object>> change) {
    Map<String, Object> claims = TokenMinter.idClaims(NOW);
    change.accept(claims);
    return TokenMinter.sign(claims, TestKeys.POOL_KEY);
  }

  private static String accessJson() {
    return JSONObjectUtils.toJSONString(TokenMinter.accessClaims(NOW));
  }

  private static String raw(String header, String payload) {
    return TokenMinter.sign(header, payload, TestKeys.POOL_KEY);
  }

  /** A valid token whose header is replaced after signing. */
  private static String withHeader(String header) {
    String t = valid();
    return b64(header) + t.substring(t.indexOf('.'));
  }

  private static String tamperedPayload() {
    String t = valid();
    Map<String, Object> claims = TokenMinter.accessClaims(NOW);
    claims.put("sub", "someone-else");
    String[] parts = t.split("\\.");
    return parts[0] + "." + b64(JSONObjectUtils.toJSONString(claims)) + "." + parts[2];
  }

  /** RS256 signatures are 256 bytes: 342 characters whose last one carries 2 bits and 4 zero bits. */
  private static String nonCanonicalSignature() {
    String t = valid();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(t.charAt(t.length() - 1));
    return t.substring(0, t.length() - 1) + alphabet.charAt(last | 1);
  }

  private static String hs256WithPublicKey() {
    try {
      String input = b64("{\"kid\":\"" + KID + "\",\"alg\":\"HS256\"}") + "." + b64(accessJson());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TestKeys.POOL_KEY.toRSAPublicKey().getEncoded(), "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String es256() {
    try {
      return nimbus(
          new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).build(),
          new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID(KID).generate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWSSigner rsa(com.nimbusds.jose.jwk.RSAKey key) {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nimbus(JWSHeader header, JWSSigner signer) {
    try {
      JWSObject jws = new JWSObject(header, new Payload(accessJson()));
      jws.sign(signer);
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>();
    all().forEach(k -> names.add(k.name()));
    return names;
  }
}
