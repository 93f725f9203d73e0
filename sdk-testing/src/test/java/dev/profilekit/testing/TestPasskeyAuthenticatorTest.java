package dev.profilekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.PasskeyRejectedException.Reason;
import dev.profilekit.internal.PasskeyCeremonies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test authenticator's output against the one verification rule both implementations use
 * ({@link PasskeyCeremonies}): what it makes verifies, and each check refuses what it is there to
 * refuse.
 */
class TestPasskeyAuthenticatorTest {

  private static final String RP = "auth.example.com";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();

  private static String creationOptions(String challenge) {
    return PasskeyCeremonies.creationOptions(RP, "Example", "user-1".getBytes(StandardCharsets.UTF_8), "ada@example.com", challenge,
        List.of());
  }

  private PasskeyCeremonies.Registered registered() {
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    return PasskeyCeremonies.verifyRegistration(device.register(creationOptions(challenge)), challenge, RP);
  }

  @Test
  void aRegistrationVerifiesWithItsKeyIdAndTransports() {
    PasskeyCeremonies.Registered registered = registered();

    assertThat(registered.credentialId()).isEqualTo(device.credentialId());
    assertThat(registered.publicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(registered.signCount()).isZero();
    assertThat(registered.transports()).containsExactly("internal", "hybrid");
    assertThat(registered.attachment()).hasValue("platform");
  }

  @Test
  void aRegistrationForAnotherChallengeOrRelyingPartyOrNoneIsRefused() {
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    String credential = device.register(creationOptions(challenge));

    assertThatThrownBy(() -> PasskeyCeremonies.verifyRegistration(credential, PasskeyCeremonies.newChallenge(RANDOM), RP))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE))
        .message().doesNotContain(challenge);
    assertThatThrownBy(() -> PasskeyCeremonies.verifyRegistration(credential, null, RP))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE));
    // The origin https://auth.example.com is not of example.org.
    assertThatThrownBy(() -> PasskeyCeremonies.verifyRegistration(credential, challenge, "example.org"))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN));
    // A parent domain is a relying party id the origin belongs to, but the rpIdHash is the subdomain's.
    assertThatThrownBy(() -> PasskeyCeremonies.verifyRegistration(credential, challenge, "example.com"))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RELYING_PARTY));
  }

  @Test
  void anAssertionVerifiesOnceAndItsReplayIsRefusedByTheCounter() {
    PasskeyCeremonies.Registered registered = registered();
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    String assertion = device.signIn(PasskeyCeremonies.requestOptions(RP, challenge, List.of(registered.credentialId())));

    assertThat(PasskeyCeremonies.credentialId(assertion)).isEqualTo(device.credentialId());
    long count = PasskeyCeremonies.verifyAssertion(assertion, challenge, RP, registered.publicKey(), registered.signCount());

    assertThat(count).isEqualTo(1);
    assertThatThrownBy(() -> PasskeyCeremonies.verifyAssertion(assertion, challenge, RP, registered.publicKey(), count))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGN_COUNT));
  }

  @Test
  void aForgedOrMisdirectedAssertionIsRefused() {
    PasskeyCeremonies.Registered registered = registered();
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    String options = PasskeyCeremonies.requestOptions(RP, challenge, List.of(registered.credentialId()));

    assertThatThrownBy(() -> PasskeyCeremonies.verifyAssertion(device.forgedSignIn(options), challenge, RP, registered.publicKey(), 0))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
    assertThatThrownBy(() -> PasskeyCeremonies.verifyAssertion(device.signIn(options), PasskeyCeremonies.newChallenge(RANDOM), RP,
        registered.publicKey(), 0))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHALLENGE));
    // Another registered key: the signature is the device's, not that key's.
    PasskeyCeremonies.Registered other = PasskeyCeremonies.verifyRegistration(
        TestPasskeyAuthenticator.create().register(creationOptions(challenge)), challenge, RP);
    assertThatThrownBy(() -> PasskeyCeremonies.verifyAssertion(device.signIn(options), challenge, RP, other.publicKey(), 0))
        .isInstanceOfSatisfying(PasskeyRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
  }

  @Test
  void aRegistrationCredentialIsNoAssertionAndTextThatIsNoCredentialIsAnInvalidRequest() {
    PasskeyCeremonies.Registered registered = registered();
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    String registration = device.register(creationOptions(challenge));

    assertThatThrownBy(() -> PasskeyCeremonies.verifyAssertion(registration, challenge, RP, registered.publicKey(), 0))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("credential"));
    for (String notACredential : List.of("", "[]", "{\"type\":\"public-key\"}", "{\"id\":\"x\",\"type\":\"password\"}",
        "{\"id\":\"x\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%%\"}}")) {
      assertThatThrownBy(() -> PasskeyCeremonies.verifyRegistration(notACredential, challenge, RP))
          .as(notACredential).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("credential");
            assertThat(e.rule()).isIn("format", "not-blank");
          });
    }
  }

  @Test
  void theOriginRuleIsHttpsOnTheRelyingPartyOrItsSubdomainsOrLocalhost() {
    assertThat(PasskeyCeremonies.originAllowed("https://auth.example.com", "auth.example.com")).isTrue();
    assertThat(PasskeyCeremonies.originAllowed("https://login.auth.example.com", "auth.example.com")).isTrue();
    assertThat(PasskeyCeremonies.originAllowed("http://auth.example.com", "auth.example.com")).isFalse();
    assertThat(PasskeyCeremonies.originAllowed("https://evilauth.example.com", "auth.example.com")).isFalse();
    assertThat(PasskeyCeremonies.originAllowed("http://localhost:8080", "localhost")).isTrue();
    assertThat(PasskeyCeremonies.originAllowed("not a uri", "localhost")).isFalse();
  }

  @Test
  void theCredentialIdIsBase64UrlOfSixteenBytes() {
    assertThat(Base64.getUrlDecoder().decode(device.credentialId())).hasSize(16);
    assertThat(device.credentialId()).doesNotContain("=", "+", "/");
  }
}
