package dev.profilekit.aws.jwt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fuzzer bytes into compact tokens of every shape an attacker can send: raw text, fuzzed
 * JSON with random or missing signatures, and Cognito-shaped claims whose values the fuzzer
 * changes, signed by either pool key under any kid, by an outsider's key, with random bytes or
 * none, and possibly tampered after signing.
 *
 * <p>Signing with a pool key is what lets the fuzzer reach the claim checks at all: an unsigned
 * token stops at the signature. Whether the pool really signed a token is decided afterwards by
 * {@link TokenVerifierFuzzTest} with the JDK alone, never by trusting this class.
 */
final class FuzzedTokens {

  private static final String[] ALGORITHMS = {"RS256", "RS384", "RS512", "PS256", "ES256", "HS256", "none", "None", ""};
  private static final String[] KIDS = {"pool-key-1", "pool-key-2", "outsider", "", "pool-key-1 "};
  private static final String[] CLAIMS = {
      "sub", "iss", "aud", "client_id", "token_use", "exp", "iat", "nbf", "auth_time", "cognito:groups",
      "scope", "email", "email_verified", "cognito:username", "username", "identities", "custom:plan", "jti"};
  private static final String[] TIME_CLAIMS = {"exp", "iat", "nbf", "auth_time"};
  private static final String[] TEXTS = {
      "", " ", "id", "access", TokenMinter.ISSUER, TokenMinter.ISSUER + "/", TokenMinter.CLIENT, "client-2",
      "Google_1234", "SignInWithApple_abc", "true", "false", "[]", "[{\"providerName\":\"Google\",\"userId\":\"1\"}]",
      "[{\"providerName\":\"\",\"userId\":1,\"primary\":\"true\",\"dateCreated\":\"-99999999999999999\"}]",
      "\u0000", "\uD800", "😀", "a".repeat(300)};

  private FuzzedTokens() {}

  /** Reads one token from the input; every input gives a token. */
  static String token(FuzzedDataProvider data, Instant now) {
    int shape = data.consumeInt(0, 5);
    switch (shape) {
      case 0:
        return data.consumeRemainingAsAsciiString();
      case 1: {
        String header = data.consumeString(200);
        String payload = data.consumeString(600);
        return b64(header) + "." + b64(payload) + "." + b64(data.consumeBytes(300));
      }
      case 2:
        // Raw JSON text, validly signed: what the strict parser and the claim reader make of it.
        return TokenMinter.sign(rawHeader(data), data.consumeString(800).getBytes(StandardCharsets.UTF_8), TestKeys.POOL_KEY);
      default:
        return claimsToken(data, now);
    }
  }

  private static String claimsToken(FuzzedDataProvider data, Instant now) {
    Map<String, Object> claims = data.consumeBoolean() ? TokenMinter.idClaims(now) : TokenMinter.accessClaims(now);
    int changes = data.consumeInt(0, 4);
    for (int i = 0; i < changes; i++) {
      if (data.consumeBoolean()) {
        // The time claims are where arithmetic happens: give them their edge values often.
        claims.put(data.pickValue(TIME_CLAIMS), interestingNumber(data, now));
        continue;
      }
      String name = data.consumeBoolean() ? data.pickValue(CLAIMS) : data.consumeString(20);
      if (data.consumeInt(0, 3) == 0) {
        claims.remove(name);
      } else {
        claims.put(name, value(data, now, 0));
      }
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", data.consumeInt(0, 3) == 0 ? data.pickValue(ALGORITHMS) : "RS256");
    if (data.consumeInt(0, 7) != 0) {
      header.put("kid", data.consumeInt(0, 3) == 0 ? data.pickValue(KIDS) : "pool-key-1");
    }
    if (data.consumeInt(0, 7) == 0) {
      header.put(data.pickValue(new String[] {"crit", "jku", "jwk", "x5u", "typ", "b64"}), value(data, now, 1));
    }
    byte[] payload = JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8);
    String headerJson = JSONObjectUtils.toJSONString(header);
    String token;
    switch (data.consumeInt(0, 5)) {
      case 0:
        token = TokenMinter.sign(headerJson, payload, TestKeys.OUTSIDER);
        break;
      case 1:
        // The pool's second key: a valid signature only where the header names that key's kid.
        token = TokenMinter.sign(headerJson, payload, TestKeys.POOL_KEY_2);
        break;
      case 2:
        token = b64(headerJson) + "." + b64(payload) + "." + b64(data.consumeBytes(256));
        break;
      case 3:
        token = b64(headerJson) + "." + b64(payload) + ".";
        break;
      default:
        token = TokenMinter.sign(headerJson, payload, TestKeys.POOL_KEY);
    }
    return data.consumeInt(0, 3) == 0 ? tamper(token, data) : token;
  }

  /** Changes, inserts or removes one character, or swaps in a fuzzed segment. */
  private static String tamper(String token, FuzzedDataProvider data) {
    int at = data.consumeInt(0, token.length() - 1);
    char c = (char) data.consumeInt(0, 127);
    switch (data.consumeInt(0, 2)) {
      case 0:
        return token.substring(0, at) + c + token.substring(at + 1);
      case 1:
        return token.substring(0, at) + c + token.substring(at);
      default:
        return token.substring(0, at) + token.substring(at + 1);
    }
  }

  private static Object value(FuzzedDataProvider data, Instant now, int depth) {
    switch (data.consumeInt(0, depth >= 3 ? 5 : 7)) {
      case 0:
        return data.pickValue(TEXTS);
      case 1:
        return data.consumeString(40);
      case 2:
        return interestingNumber(data, now);
      case 3:
        return data.consumeRegularDouble();
      case 4:
        return data.consumeBoolean();
      case 5:
        return null;
      case 6: {
        List<Object> list = new ArrayList<>();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
          list.add(value(data, now, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = data.consumeInt(0, 4);
        for (int i = 0; i < size; i++) {
          map.put(data.consumeBoolean() ? data.pickValue(CLAIMS) : data.consumeString(10), value(data, now, depth + 1));
        }
        return map;
      }
    }
  }

  private static long interestingNumber(FuzzedDataProvider data, Instant now) {
    long[] edges = {
        0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Instant.MAX.getEpochSecond(), Instant.MIN.getEpochSecond(),
        now.getEpochSecond(), now.getEpochSecond() + 3600, now.getEpochSecond() - 3600, now.getEpochSecond() + 86_401};
    return data.consumeBoolean() ? data.pickValue(edges) : now.getEpochSecond() + data.consumeLong();
  }

  private static String rawHeader(FuzzedDataProvider data) {
    return data.consumeBoolean() ? TokenMinter.header(data.pickValue(KIDS)) : data.consumeString(120);
  }

  private static String b64(String text) {
    return TokenMinter.b64(text);
  }

  private static String b64(byte[] bytes) {
    return TokenMinter.b64(bytes);
  }
}
