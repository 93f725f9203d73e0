package dev.profilekit.aws.jwt.internal;

import dev.profilekit.TokenRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The three segments of a compact JWS, checked for shape before any JOSE parsing.
 *
 * <p>Only the canonical form is accepted: exactly three non-empty segments of unpadded base64url
 * whose decoding re-encodes to the same text (so no {@code =} padding, no standard-alphabet
 * characters, no whitespace, no non-zero trailing bits that would give one signature several
 * spellings), and header and payload that are strict UTF-8 JSON objects without duplicate names.
 *
 * <p>An empty signature segment passes here and is reported by {@link #requireSignature()} once
 * the algorithm has been checked, so that an {@code alg=none} token is reported as such.
 *
 * @param headerJson the decoded header
 * @param payloadJson the decoded payload
 * @param signed whether the signature segment is non-empty
 */
public record TokenParts(String headerJson, String payloadJson, boolean signed) {

  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /**
   * Splits and checks a compact token.
   *
   * @param token the token, already known to be within the length limit
   * @return the decoded header and payload
   * @throws dev.profilekit.TokenRejectedException MALFORMED when any rule above is broken
   */
  public static TokenParts of(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      throw Rejections.reject(Reason.MALFORMED, "The token does not have exactly three segments");
    }
    byte[] header = decode(token.substring(0, first), "header");
    byte[] payload = decode(token.substring(first + 1, second), "payload");
    String signature = token.substring(second + 1);
    if (!signature.isEmpty()) {
      decode(signature, "signature");
    }
    String headerJson = utf8(header, "header");
    String payloadJson = utf8(payload, "payload");
    StrictJson.requireObject(headerJson, "header");
    StrictJson.requireObject(payloadJson, "payload");
    return new TokenParts(headerJson, payloadJson, !signature.isEmpty());
  }

  /**
   * Rejects an unsigned token.
   *
   * @throws dev.profilekit.TokenRejectedException MALFORMED when the signature segment is empty
   */
  public void requireSignature() {
    if (!signed) {
      throw Rejections.reject(Reason.MALFORMED, "The token's signature segment is empty");
    }
  }

  private static byte[] decode(String segment, String part) {
    if (segment.isEmpty()) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " segment is empty");
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!alphabet) {
        throw Rejections.reject(
            Reason.MALFORMED, "The token's " + part + " segment is not unpadded base64url");
      }
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(segment);
    } catch (IllegalArgumentException e) {
      throw Rejections.reject(Reason.MALFORMED, "The token's " + part + " segment is not valid base64url");
    }
    if (!ENCODER.encodeToString(bytes).equals(segment)) {
      throw Rejections.reject(
          Reason.MALFORMED, "The token's " + part + " segment is not canonical base64url");
    }
    return bytes;
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
