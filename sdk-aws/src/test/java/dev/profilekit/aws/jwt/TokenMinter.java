package dev.profilekit.aws.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mints Cognito-shaped test tokens with nimbus, including deliberately broken ones. */
final class TokenMinter {

  static final String ISSUER = "http://127.0.0.1:1/local_TestPool";
  static final String CLIENT = "client-1";

  private TokenMinter() {}

  /** Claims of a typical Cognito ID token issued at {@code now}, valid one hour. */
  static Map<String, Object> idClaims(Instant now) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sub", "0f1e2d3c-user");
    c.put("cognito:groups", List.of("admins", "staff"));
    c.put("email_verified", true);
    c.put("iss", ISSUER);
    c.put("cognito:username", "alice");
    c.put("given_name", "Alice");
    c.put("custom:plan", "pro");
    c.put("aud", CLIENT);
    c.put("token_use", "id");
    c.put("auth_time", now.getEpochSecond());
    c.put("exp", now.getEpochSecond() + 3600);
    c.put("iat", now.getEpochSecond());
    c.put("jti", "jti-1");
    c.put("email", "alice@example.com");
    return c;
  }

  /** Claims of a typical Cognito access token issued at {@code now}, valid one hour. */
  static Map<String, Object> accessClaims(Instant now) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sub", "0f1e2d3c-user");
    c.put("cognito:groups", List.of("admins"));
    c.put("iss", ISSUER);
    c.put("version", 2);
    c.put("client_id", CLIENT);
    c.put("token_use", "access");
    c.put("scope", "openid profile.read profile.write");
    c.put("auth_time", now.getEpochSecond());
    c.put("exp", now.getEpochSecond() + 3600);
    c.put("iat", now.getEpochSecond());
    c.put("jti", "jti-2");
    c.put("username", "alice");
    return c;
  }

  /** Signs {@code claims} with RS256 under {@code key}'s kid. */
  static String sign(Map<String, Object> claims, RSAKey key) {
    return sign(header(key.getKeyID()), JSONObjectUtils.toJSONString(claims), key);
  }

  static String header(String kid) {
    return kid == null ? "{\"alg\":\"RS256\"}" : "{\"kid\":\"" + kid + "\",\"alg\":\"RS256\"}";
  }

  /** Signs raw header and payload JSON text with RS256, whatever the text says (duplicates included). */
  static String sign(String headerJson, String payloadJson, RSAKey key) {
    return sign(headerJson, payloadJson.getBytes(StandardCharsets.UTF_8), key);
  }

  /** Signs raw payload bytes, which need not be UTF-8. */
  static String sign(String headerJson, byte[] payload, RSAKey key) {
    String input = b64(headerJson) + "." + b64(payload);
    try {
      String signature =
          new RSASSASigner(key)
              .sign(new JWSHeader(JWSAlgorithm.RS256), input.getBytes(StandardCharsets.US_ASCII))
              .toString();
      return input + "." + signature;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
