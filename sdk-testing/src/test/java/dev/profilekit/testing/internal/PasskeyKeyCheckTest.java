package dev.profilekit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.internal.Cbor;
import dev.profilekit.internal.JsonText;
import dev.profilekit.internal.JsonWriter;
import dev.profilekit.internal.PasskeyCeremonies;
import dev.profilekit.testing.TestPasskeyAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relying-party rule keeps only keys that are points of P-256. Regression of
 * PasskeyCredentialFuzzTest's finding {@code finding-key-off-the-curve}: a registration whose COSE
 * key had one byte of its y coordinate changed was accepted and the key kept, because the JDK's
 * {@code KeyFactory} builds an EC key of any coordinates. "none" attestation signs nothing, so the
 * key's own validity is all there is to check.
 */
class PasskeyKeyCheckTest {

  private static final String RP_ID = "localhost";

  @Test
  void aKeyOffTheCurveIsRefusedAsUnsupported() {
    String challenge = PasskeyCeremonies.newChallenge(new SecureRandom());
    String registration = TestPasskeyAuthenticator.create().register(PasskeyCeremonies.creationOptions(RP_ID, RP_ID,
        "user-1".getBytes(StandardCharsets.UTF_8), "ada@example.com", challenge, List.of()));
    assertThat(PasskeyCeremonies.verifyRegistration(registration, challenge, RP_ID).publicKey()).isNotNull();

    String altered = withLastKeyByteChanged(registration);

    assertThatExceptionOfType(PasskeyRejectedException.class)
        .isThrownBy(() -> PasskeyCeremonies.verifyRegistration(altered, challenge, RP_ID))
        .withMessageContaining("not a point of P-256")
        .satisfies(refused -> assertThat(refused.reason()).isEqualTo(PasskeyRejectedException.Reason.UNSUPPORTED));
  }

  /** The credential with the last byte of its authenticator data (the key's y) changed. */
  @SuppressWarnings("unchecked")
  private static String withLastKeyByteChanged(String registration) {
    Map<String, Object> credential = new LinkedHashMap<>((Map<String, Object>) JsonText.parse(registration));
    Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) credential.get("response"));
    Map<String, Object> attestation = new LinkedHashMap<>(
        (Map<String, Object>) Cbor.decode(Base64.getUrlDecoder().decode((String) response.get("attestationObject"))));
    byte[] authData = ((byte[]) attestation.get("authData")).clone();
    authData[authData.length - 1] ^= 0x01;
    attestation.put("authData", authData);
    response.put("attestationObject", Base64.getUrlEncoder().withoutPadding().encodeToString(Cbor.encode(attestation)));
    credential.put("response", response);
    return JsonWriter.write(credential);
  }
}
