package dev.profilekit.aws.jwt.internal;

import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.internal.JsonText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The three segments of a compact JWS, checked for shape before any JOSE parsing.
 *
 * <p>Only the canonical form is accepted: exactly three segments of unpadded base64url in its one
 * canonical spelling (no {@code =} padding, no standard-alphabet characters, no whitespace, no
 * length that no byte string encodes to, no non-zero trailing bits that would give the same bytes
 * several spellings), and header and payload that are strict UTF-8 JSON objects without duplicate
 * names. The canonical check is done on the text (alphabet, length, trailing bits), which is
 * equivalent to decoding and re-encoding but cheaper.
 *
 * <p>An empty signature segment passes here and is reported by {@link #requireSignature()} once
 * the algorithm has been checked, so that an {@code alg=none} token is reported as such.
 *
 * @param headerSegment the header as sent (base64url)
 * @param headerJson the decoded header
 * @param payloadJson the decoded payload
 * @param signingInput the text the signature covers: header and payload segments with their dot
 * @param signatureSegment the signature as sent (base64url), possibly empty
 */
public record TokenParts(
    String headerSegment,
    String headerJson,
    String payloadJson,
    String signingInput,
    String signatureSegment) {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /**
   * Splits and checks a compact token.
   *
   * @param token the token, already known to be within the length limit
   * @return the parts
   * @throws dev.profilekit.TokenRejectedException MALFORMED when any rule above is broken
   */
  public static TokenParts of(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      throw Rejections.reject(Reason.MALFORMED, "The token does not have exactly three segments");
    }
    String header = token.substring(0, first);
    String payload = token.substring(first + 1, second);
    String signature = token.substring(second + 1);
    requireCanonical(header, "header");
    requireCanonical(payload, "payload");
    if (!signature.isEmpty()) {
      requireCanonical(signature, "signature");
    }
    String headerJson = utf8(DECODER.decode(header), "header");
    String payloadJson = utf8(DECODER.decode(payload), "payload");
    requireObject(headerJson, "header");
    requireObject(payloadJson, "payload");
    return new TokenParts(header, headerJson, payloadJson, token.substring(0, second), signature);
  }

  /**
   * Rejects an unsigned token.
   *
   * @throws dev.profilekit.TokenRejectedException MALFORMED when the signature segment is empty
   */
  public void requireSignature() {
    if (signatureSegment.isEmpty()) {
      throw Rejections.reject(Reason.MALFORMED, "The token's signature segment is empty");
    }
  }

  /**
   * Accepts only text that unpadded base64url encoding produces: alphabet characters, a length
   * of 0, 2 or 3 modulo 4, and zero bits where the last character extends past the data.
   */
  private static void requireCanonical(String segment, String part) {
    if (segment.isEmpty()) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " segment is empty");
    }
    int last = 0;
    for (int i = 0; i < segment.length(); i++) {
      last = sextet(segment.charAt(i));
      if (last < 0) {
        throw Rejections.reject(
            Reason.MALFORMED, "The token's " + part + " segment is not unpadded base64url");
      }
    }
    int remainder = segment.length() % 4;
    // 2 trailing characters carry 1 byte (4 spare bits), 3 carry 2 bytes (2 spare bits).
    int spareBits = remainder == 2 ? 0x0F : remainder == 3 ? 0x03 : 0;
    if (remainder == 1 || (last & spareBits) != 0) {
      throw Rejections.reject(
          Reason.MALFORMED, "The token's " + part + " segment is not canonical base64url");
    }
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    return c == '_' ? 63 : -1;
  }

  /**
   * Requires one strict JSON object (see {@link JsonText}: no repeated member name, nothing after
   * it) before nimbus, whose parser keeps the last of two same-named members, reads the text: so
   * {@code {"exp":1,"exp":9999999999}} cannot mean one thing here and another there.
   */
  private static void requireObject(String json, String part) {
    Object value;
    try {
      value = JsonText.parse(json);
    } catch (IllegalArgumentException e) {
      // JsonText's message names an offset and what is wrong, never the text itself.
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " is not strict JSON: " + e.getMessage());
    }
    if (!(value instanceof java.util.Map)) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " is not a JSON object");
    }
  }

  private static String utf8(byte[] bytes, String part) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " is not UTF-8");
    }
  }
}
