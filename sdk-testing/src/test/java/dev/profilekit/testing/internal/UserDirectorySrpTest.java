package dev.profilekit.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.internal.SrpClient;
import dev.profilekit.internal.SrpGroup;
import dev.profilekit.testing.TestClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake's server side of SRP, driven by the AWS client's half ({@link SrpClient}) as Cognito
 * would be: {@code SRP_A} in, a {@code PASSWORD_VERIFIER} challenge out, the claim checked.
 */
class UserDirectorySrpTest {

  private static final String PASSWORD = "Corr3ct-Horse-Battery!";
  private static final String EMAIL = "ada@example.com";

  private final TestClock clock = TestClock.at(Instant.parse("2026-12-03T09:05:03Z"));
  private final UserDirectory directory = new UserDirectory(clock, "123456", "PrOfIlEkT");
  private final SecureRandom random = new SecureRandom();

  private UserRecord seed(String id, boolean confirmed, boolean enabled) {
    return directory.seed(new UserRecord(id, EMAIL, Map.of("email", EMAIL), directory.hashPassword(id, PASSWORD), confirmed, false,
        IdentityProvider.COGNITO, List.of(), List.of(), clock.instant(), null, null, enabled, false));
  }

  private SrpClient.PasswordClaim claim(SrpClient client, UserDirectory.PasswordVerifierChallenge challenge, String password) {
    return client.claim("PrOfIlEkT", challenge.userIdForSrp(), password, challenge.salt(), challenge.srpB(), challenge.secretBlock(),
        clock.instant());
  }

  @Test
  void theChallengeNamesTheSubAndTheUsersSaltAndTheRightClaimSignsIn() {
    UserRecord ada = seed("sub-1", true, true);
    SrpClient client = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge first = directory.initiateSrp(EMAIL, client.publicValueHex());
    UserDirectory.PasswordVerifierChallenge second = directory.initiateSrp(EMAIL, SrpClient.start(random).publicValueHex());

    assertThat(first.userIdForSrp()).isEqualTo("sub-1");
    assertThat(first.salt()).isEqualTo(second.salt()).isEqualTo(ada.passwordHash().saltHex());
    assertThat(first.srpB()).isNotEqualTo(second.srpB());
    assertThat(first.secretBlock()).isNotEqualTo(second.secretBlock());
    assertThat(first.toString()).doesNotContain(first.session()).doesNotContain(first.srpB());

    SrpClient.PasswordClaim claim = claim(client, first, PASSWORD);
    assertThat(directory.answerPasswordVerifier(first.session(), first.userIdForSrp(), first.secretBlock(), claim.timestamp(),
        claim.signature()).userId()).isEqualTo("sub-1");
    assertThat(directory.authenticate(EMAIL.toUpperCase(java.util.Locale.ROOT), PASSWORD).userId()).isEqualTo("sub-1");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserFailAlikeAtTheAnswer() {
    seed("sub-1", true, true);
    SrpClient client = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge challenge = directory.initiateSrp(EMAIL, client.publicValueHex());
    SrpClient.PasswordClaim wrong = claim(client, challenge, PASSWORD + "x");
    assertThatThrownBy(() -> directory.answerPasswordVerifier(challenge.session(), challenge.userIdForSrp(), challenge.secretBlock(),
        wrong.timestamp(), wrong.signature()))
        .isInstanceOf(InvalidCredentialsException.class).hasMessage("Incorrect username or password");

    SrpClient stranger = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge unknown = directory.initiateSrp("nobody@example.com", stranger.publicValueHex());
    assertThat(unknown.userIdForSrp()).isEqualTo("nobody@example.com");
    SrpClient.PasswordClaim guess = claim(stranger, unknown, PASSWORD);
    assertThatThrownBy(() -> directory.answerPasswordVerifier(unknown.session(), unknown.userIdForSrp(), unknown.secretBlock(),
        guess.timestamp(), guess.signature()))
        .isInstanceOf(InvalidCredentialsException.class).hasMessage("Incorrect username or password");
    assertThatThrownBy(() -> directory.authenticate(EMAIL, PASSWORD + "x")).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  void aSessionAnswersOnceAndOnlyWithinThreeMinutes() {
    seed("sub-1", true, true);
    SrpClient client = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge used = directory.initiateSrp(EMAIL, client.publicValueHex());
    SrpClient.PasswordClaim claim = claim(client, used, PASSWORD);
    directory.answerPasswordVerifier(used.session(), used.userIdForSrp(), used.secretBlock(), claim.timestamp(), claim.signature());
    assertThatThrownBy(() -> directory.answerPasswordVerifier(used.session(), used.userIdForSrp(), used.secretBlock(),
        claim.timestamp(), claim.signature()))
        .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("invalid or expired");

    SrpClient late = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge expiring = directory.initiateSrp(EMAIL, late.publicValueHex());
    SrpClient.PasswordClaim lateClaim = claim(late, expiring, PASSWORD);
    clock.advance(UserDirectory.CHALLENGE_LIFETIME);
    assertThatThrownBy(() -> directory.answerPasswordVerifier(expiring.session(), expiring.userIdForSrp(), expiring.secretBlock(),
        lateClaim.timestamp(), lateClaim.signature()))
        .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("invalid or expired");
  }

  @Test
  void theAnswerMustNameTheChallengesUserAndBlockAndAProperTimestamp() {
    seed("sub-1", true, true);
    SrpClient client = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge challenge = directory.initiateSrp(EMAIL, client.publicValueHex());
    SrpClient.PasswordClaim claim = claim(client, challenge, PASSWORD);
    // What the user typed instead of USER_ID_FOR_SRP: Cognito refuses it.
    assertThatThrownBy(() -> directory.answerPasswordVerifier(challenge.session(), EMAIL, challenge.secretBlock(), claim.timestamp(),
        claim.signature())).isInstanceOf(InvalidCredentialsException.class);

    SrpClient padded = SrpClient.start(random);
    UserDirectory.PasswordVerifierChallenge second = directory.initiateSrp(EMAIL, padded.publicValueHex());
    String paddedTime = "Thu Dec 03 09:05:03 UTC 2026";
    assertThat(SrpGroup.timestamp(clock.instant())).isEqualTo("Thu Dec 3 09:05:03 UTC 2026");
    assertThatThrownBy(() -> directory.answerPasswordVerifier(second.session(), second.userIdForSrp(), second.secretBlock(), paddedTime,
        claim(padded, second, PASSWORD).signature())).isInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  void accountStateComesFirstAndConfirmationAfterTheProof() {
    seed("sub-1", false, true);
    assertThatThrownBy(() -> directory.authenticate(EMAIL, PASSWORD + "x")).isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> directory.authenticate(EMAIL, PASSWORD)).isInstanceOf(UserNotConfirmedException.class);
    directory.setEnabled("sub-1", false);
    assertThatThrownBy(() -> directory.initiateSrp(EMAIL, SrpClient.start(random).publicValueHex()))
        .isInstanceOf(UserDisabledException.class);
  }

  @Test
  void aNewPasswordGetsANewSaltAndTheOldOneStopsWorking() {
    UserRecord ada = seed("sub-1", true, true);
    directory.changePassword("sub-1", PASSWORD, "N3w-Horse-Battery!");
    assertThat(directory.byId("sub-1").passwordHash().saltHex()).isNotEqualTo(ada.passwordHash().saltHex());
    assertThatThrownBy(() -> directory.authenticate(EMAIL, PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
    assertThat(directory.authenticate(EMAIL, "N3w-Horse-Battery!").userId()).isEqualTo("sub-1");
  }

  @Test
  void thePoolNameComesFromTheIssuer() {
    assertThat(UserDirectory.poolNameOf("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_PrOfIlEkT")).isEqualTo("PrOfIlEkT");
    assertThat(UserDirectory.poolNameOf("https://issuer.example/pool")).isEqualTo("pool");
  }
}
