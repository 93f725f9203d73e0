package dev.profilekit.aws.cognito.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.internal.JsonText;
import dev.profilekit.internal.JsonWriter;
import dev.profilekit.internal.PasskeyCeremonies;
import dev.profilekit.testing.TestPasskeyAuthenticator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the one relying-party rule, {@link PasskeyCeremonies}, with what a hostile browser can
 * send: whatever the credential, {@code verifyRegistration} and {@code verifyAssertion} accept it or
 * refuse it with {@link InvalidRequestException} or {@link PasskeyRejectedException}, never another
 * exception (CBOR lengths, truncated authenticator data, odd COSE keys, bad DER signatures); a
 * key kept from an altered attestation is a point of P-256 under the credential's own id; and an
 * altered assertion is never accepted.
 *
 * <p>{@link CognitoPasskeys} sends a credential to Cognito only after {@code credentialObject} has
 * read it, and the in-memory service verifies every ceremony with this rule, so a crash here is a
 * 500 in an application's passkey endpoint or a consumer's test. Four shapes of input: the
 * attestation object replaced by the fuzzer's bytes (the CBOR decoder's whole input); a real
 * attestation object with bytes overwritten where the fuzzer says; a real assertion with its
 * authenticator data or signature altered; the credential text itself.
 */
class PasskeyCredentialFuzzTest {

  private static final String RP_ID = "localhost";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
  private static final TestPasskeyAuthenticator DEVICE = TestPasskeyAuthenticator.create();
  private static final String REGISTRATION_CHALLENGE = PasskeyCeremonies.newChallenge(new SecureRandom());
  private static final String REGISTRATION = DEVICE.register(PasskeyCeremonies.creationOptions(RP_ID, RP_ID,
      "user-1".getBytes(StandardCharsets.UTF_8), "ada@example.com", REGISTRATION_CHALLENGE, List.of()));
  private static final PasskeyCeremonies.Registered REGISTERED =
      PasskeyCeremonies.verifyRegistration(REGISTRATION, REGISTRATION_CHALLENGE, RP_ID);
  private static final String SIGN_IN_CHALLENGE = PasskeyCeremonies.newChallenge(new SecureRandom());
  private static final String ASSERTION =
      DEVICE.signIn(PasskeyCeremonies.requestOptions(RP_ID, SIGN_IN_CHALLENGE, List.of(REGISTERED.credentialId())));

  @FuzzTest
  void aCredentialIsAcceptedOrRefusedWithATypedException(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0 -> register(withResponseBytes(REGISTRATION, "attestationObject", data.consumeRemainingAsBytes()));
      case 1 -> {
        byte[] attestation = responseBytes(REGISTRATION, "attestationObject");
        byte[] altered = overwrite(attestation, data);
        PasskeyCeremonies.Registered registered = register(withResponseBytes(REGISTRATION, "attestationObject", altered));
        if (registered != null) {
          // "none" attestation signs nothing, so an altered key may be kept; but only a point of
          // P-256 (checked here by the curve equation, apart from the rule's own check), and only
          // under the id the credential names.
          assertThat(onP256(registered.publicKey().getW())).as("the kept key is a point of P-256").isTrue();
          assertThat(registered.credentialId()).isEqualTo(REGISTERED.credentialId());
        }
      }
      case 2 -> {
        String member = data.consumeBoolean() ? "authenticatorData" : "signature";
        byte[] original = responseBytes(ASSERTION, member);
        byte[] altered = overwrite(original, data);
        Long signCount = signIn(withResponseBytes(ASSERTION, member, altered));
        if (signCount != null) {
          // Only the device's own signature verifies: an accepted assertion is its, counter and all.
          assertThat(altered).isEqualTo(original);
          assertThat(signCount).isEqualTo(1L);
        }
      }
      default -> {
        String text = data.consumeRemainingAsString();
        register(text);
        signIn(text);
      }
    }
  }

  /** SEC 2's P-256: y^2 = x^3 - 3x + b over p. */
  private static boolean onP256(ECPoint point) {
    BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    BigInteger b = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    return x.signum() >= 0 && x.compareTo(p) < 0 && y.signum() >= 0 && y.compareTo(p) < 0
        && y.pow(2).mod(p).equals(x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(b).mod(p));
  }

  /** The registration's result, or null when it was refused with a typed exception. */
  private static PasskeyCeremonies.Registered register(String credentialJson) {
    try {
      return PasskeyCeremonies.verifyRegistration(credentialJson, REGISTRATION_CHALLENGE, RP_ID);
    } catch (InvalidRequestException | PasskeyRejectedException refused) {
      return null;
    }
  }

  /** The assertion's new counter, or null when it was refused with a typed exception. */
  private static Long signIn(String credentialJson) {
    try {
      return PasskeyCeremonies.verifyAssertion(credentialJson, SIGN_IN_CHALLENGE, RP_ID, REGISTERED.publicKey(), 0);
    } catch (InvalidRequestException | PasskeyRejectedException refused) {
      return null;
    }
  }

  /** Overwrites up to 8 bytes at positions the fuzzer picks (and may cut the array short). */
  private static byte[] overwrite(byte[] original, FuzzedDataProvider data) {
    byte[] altered = Arrays.copyOf(original, data.consumeBoolean() ? original.length : data.consumeInt(0, original.length));
    int writes = data.consumeInt(0, 8);
    for (int i = 0; i < writes && altered.length > 0; i++) {
      altered[data.consumeInt(0, altered.length - 1)] = data.consumeByte();
    }
    return altered;
  }

  private static byte[] responseBytes(String credentialJson, String member) {
    return BASE64URL_DECODER.decode((String) response(object(JsonText.parse(credentialJson))).get(member));
  }

  private static String withResponseBytes(String credentialJson, String member, byte[] bytes) {
    Map<String, Object> credential = new LinkedHashMap<>(object(JsonText.parse(credentialJson)));
    Map<String, Object> response = new LinkedHashMap<>(response(credential));
    response.put(member, BASE64URL.encodeToString(bytes));
    credential.put("response", response);
    return JsonWriter.write(credential);
  }

  private static Map<String, Object> response(Map<String, Object> credential) {
    return object(credential.get("response"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }
}
