package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.testing.ContractCapability;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: a password sign-in goes by SRP ({@code USER_SRP_AUTH}), the password never sent,
 * and its failures look alike. Where the harness counts the backend's SRP claims ({@link
 * ContractCapability#SRP_CLAIM_COUNT}), each case also checks that exactly one claim was checked
 * and whether it proved the password.
 */
public interface SrpSignInCases extends ContractHarness {

  @Test
  default void theRightPasswordSignsInBySrp() {
    String email = uniqueEmail("srp");
    String userId = signUp(email).userId();
    service().confirmSignUp(email, confirmationCode(service(), email));

    SrpClaims claims = countedClaims(() -> {
      AuthSession session = service().signIn(email, PASSWORD).sessionOrThrow();
      assertThat(session.user().userId()).isEqualTo(userId);
    });

    if (claims != null) {
      assertThat(claims).as("SRP claims checked and proven by the sign-in").isEqualTo(new SrpClaims(1, 1));
    }
  }

  @Test
  default void aWrongPasswordFailsTheSrpClaimWithInvalidCredentials() {
    String email = uniqueEmail("srp-wrong");
    signUpAndSignIn(email);

    SrpClaims claims = countedClaims(() -> thrown(InvalidCredentialsException.class, () -> service().signIn(email, "Wrong-Pa55word!")));

    if (claims != null) {
      assertThat(claims).as("SRP claims checked and proven by the refused sign-in").isEqualTo(new SrpClaims(1, 0));
    }
  }

  @Test
  default void anUnknownUserFailsTheSrpClaimExactlyAsAWrongPasswordDoes() {
    String email = uniqueEmail("srp-known");
    signUpAndSignIn(email);
    InvalidCredentialsException wrongPassword = thrown(InvalidCredentialsException.class,
        () -> service().signIn(email, "Wrong-Pa55word!"));

    InvalidCredentialsException[] unknown = new InvalidCredentialsException[1];
    SrpClaims claims = countedClaims(() -> unknown[0] = thrown(InvalidCredentialsException.class,
        () -> service().signIn(uniqueEmail("srp-nobody"), PASSWORD)));

    // Nothing tells the two apart: not the type, not the message.
    assertThat(unknown[0]).isExactlyInstanceOf(wrongPassword.getClass()).hasMessage(wrongPassword.getMessage());
    if (claims != null) {
      assertThat(claims).as("an unknown user is asked for a claim too, which fails").isEqualTo(new SrpClaims(1, 0));
    }
  }

  /** Runs the sign-in and returns the claims it made the backend check, or null when uncounted. */
  private SrpClaims countedClaims(Runnable signIn) {
    if (!supports(ContractCapability.SRP_CLAIM_COUNT)) {
      signIn.run();
      return null;
    }
    Supplier<SrpClaims> count = () -> srpClaims(service());
    SrpClaims before = count.get();
    signIn.run();
    return count.get().since(before);
  }
}
