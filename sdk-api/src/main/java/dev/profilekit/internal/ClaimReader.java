package dev.profilekit.internal;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, strict access to a token's claims as a JSON parser gave them: a claim of the wrong JSON type
 * is a MALFORMED token, never silently skipped or converted (an {@code exp} of {@code "1700000000"}
 * is rejected, not read as a number).
 */
public final class ClaimReader {

  private final Map<String, Object> claims;

  /**
   * Wraps parsed claims.
   *
   * @param claims the payload as parsed (JSON objects as maps, arrays as lists, integers as Long)
   */
  public ClaimReader(Map<String, Object> claims) {
    this.claims = claims;
  }

  /**
   * Returns the raw claims.
   *
   * @return the claims
   */
  public Map<String, Object> all() {
    return claims;
  }

  /**
   * Tells whether a claim is present and not JSON {@code null}.
   *
   * @param name the claim
   * @return whether it is present
   */
  public boolean has(String name) {
    return claims.get(name) != null;
  }

  /**
   * Reads an optional string claim.
   *
   * @param name the claim
   * @return its value, empty when absent
   */
  public Optional<String> string(String name) {
    Object value = claims.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw wrongType(name, "a string");
  }

  /**
   * Reads a required, non-empty string claim.
   *
   * @param name the claim
   * @return its value
   */
  public String requiredString(String name) {
    String value = string(name).orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED, "The token has no " + name + " claim"));
    if (value.isEmpty()) {
      throw new TokenRejectedException(Reason.MALFORMED, "The token's " + name + " claim is empty");
    }
    return value;
  }

  /**
   * Reads an optional NumericDate claim: a JSON integer of seconds since the epoch.
   *
   * @param name the claim
   * @return the instant, empty when absent
   */
  public Optional<Instant> instant(String name) {
    Object value = claims.get(name);
    if (value == null) {
      // Present as JSON null is not absent: the issuer wrote the claim, and wrote it wrong.
      if (claims.containsKey(name)) {
        throw new TokenRejectedException(Reason.MALFORMED, "The token's " + name + " is null, not an integer number of seconds");
      }
      return Optional.empty();
    }
    long seconds;
    if (value instanceof Long || value instanceof Integer) {
      seconds = ((Number) value).longValue();
    } else if (value instanceof BigInteger big && big.bitLength() < 64) {
      seconds = big.longValue();
    } else {
      throw wrongType(name, "an integer number of seconds");
    }
    try {
      return Optional.of(Instant.ofEpochSecond(seconds));
    } catch (DateTimeException e) {
      throw wrongType(name, "a date in range");
    }
  }

  /**
   * Reads an optional array-of-strings claim.
   *
   * @param name the claim
   * @return the strings, empty when absent
   */
  public List<String> stringList(String name) {
    Object value = claims.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw wrongType(name, "an array of strings");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw wrongType(name, "an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * Reads a boolean claim that Cognito emits either as a JSON boolean or as the string {@code
   * "true"}/{@code "false"}.
   *
   * @param name the claim
   * @return the value, false when absent
   */
  public boolean lenientBoolean(String name) {
    Object value = claims.get(name);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value)) {
      return true;
    }
    if ("false".equals(value)) {
      return false;
    }
    throw wrongType(name, "a boolean");
  }

  private static TokenRejectedException wrongType(String name, String expected) {
    return new TokenRejectedException(Reason.MALFORMED, "The token's " + name + " claim is not " + expected);
  }
}
