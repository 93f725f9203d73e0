package dev.profilekit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.testing.internal.PasswordHasher.PasswordHash;
import org.junit.jupiter.api.Test;

/** Passwords are kept as salted SRP verifiers; only the right one matches; nothing shows them. */
class PasswordHasherTest {

  private static final String PASSWORD = "Corr3ct-Horse-Battery!";

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    PasswordHash hash = PasswordHasher.hash("PrOfIlEkT", "id", PASSWORD);

    assertThat(PasswordHasher.matches(PASSWORD, hash)).isTrue();
    assertThat(PasswordHasher.matches(PASSWORD + "x", hash)).isFalse();
    assertThat(PasswordHasher.matches("corr3ct-horse-battery!", hash)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    PasswordHash first = PasswordHasher.hash("PrOfIlEkT", "id", PASSWORD);
    PasswordHash second = PasswordHasher.hash("PrOfIlEkT", "id", PASSWORD);

    assertThat(first).isNotEqualTo(second);
    assertThat(PasswordHasher.matches(PASSWORD, first)).isTrue();
    assertThat(PasswordHasher.matches(PASSWORD, second)).isTrue();
  }

  @Test
  void theVerifierIsSrpsOverTheUserIdAndSalt() {
    PasswordHash hash = PasswordHasher.hash("PrOfIlEkT", "id", PASSWORD);

    assertThat(hash.userIdForSrp()).isEqualTo("id");
    assertThat(hash.verifier()).isEqualTo(dev.profilekit.internal.SrpGroup.verifier(dev.profilekit.internal.SrpGroup.privateKey(
        "PrOfIlEkT", "id", PASSWORD, new java.math.BigInteger(hash.saltHex(), 16))));
    assertThat(hash.verifier()).isNotEqualTo(PasswordHasher.hash("PrOfIlEkT", "other-id", PASSWORD).verifier());
  }

  @Test
  void anUnknownUserNeverMatches() {
    assertThat(PasswordHasher.matches("not-a-real-password", null)).isFalse();
  }

  @Test
  void neitherTheHashNorTheUserRecordShowsThePassword() {
    PasswordHash hash = PasswordHasher.hash("PrOfIlEkT", "id", PASSWORD);
    UserRecord user = new UserRecord("id", "ada@example.com", java.util.Map.of("email", "ada@example.com"), hash, true, false,
        dev.profilekit.IdentityProvider.COGNITO, java.util.List.of(), java.util.List.of(), java.time.Instant.EPOCH,
        new UserRecord.IssuedCode("123456", java.time.Instant.EPOCH), null, true, false);

    assertThat(hash.toString()).doesNotContain(PASSWORD).doesNotContain(hash.saltHex());
    assertThat(user.toString()).doesNotContain(PASSWORD).doesNotContain("123456");
    assertThat(user.confirmationCode().toString()).doesNotContain("123456");
  }
}
