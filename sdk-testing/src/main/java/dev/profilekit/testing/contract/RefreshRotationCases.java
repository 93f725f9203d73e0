package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.SignUpRequest;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.ContractCapability;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: refresh with and without refresh token rotation. Without rotation (every
 * service's default) a refresh keeps the refresh token; with it ({@link
 * ContractHarness#rotatingService}), each refresh token refreshes once and the session holds its
 * replacement.
 */
public interface RefreshRotationCases extends ContractHarness {

  @Test
  default void refreshWithoutRotationKeepsTheRefreshTokenWhichRefreshesAgain() {
    AuthSession session = signUpAndSignIn(uniqueEmail("no-rotation"));

    AuthSession refreshed = service().refresh(session);

    assertThat(refreshed.refreshToken()).isEqualTo(session.refreshToken());
    assertThat(service().refresh(session).user().userId()).isEqualTo(session.user().userId());
    assertThat(service().refresh(refreshed).user().userId()).isEqualTo(session.user().userId());
  }

  @Test
  default void rotatingRefreshReturnsANewRefreshTokenThatRefreshesAndRefusesTheOldOneAsRevoked() {
    if (!supports(ContractCapability.REFRESH_TOKEN_ROTATION)) {
      AuthSession session = signUpAndSignIn(uniqueEmail("rotation-unsupported"));
      assertThat(service().refresh(service().refresh(session)).refreshToken()).isEqualTo(session.refreshToken());
      return;
    }
    try (UserProfileService rotating = rotatingService(CONTRACT_POLICY)) {
      AuthSession session = signUpAndSignIn(rotating, uniqueEmail("rotation"));

      AuthSession refreshed = rotating.refresh(session);

      assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(session.refreshToken());
      assertThat(refreshed.user().userId()).isEqualTo(session.user().userId());
      assertThat(rotating.verify(refreshed.accessToken()).tokenUse()).isEqualTo(TokenUse.ACCESS);
      assertThat(rotating.verify(refreshed.idToken()).userId()).isEqualTo(session.user().userId());

      AuthSession again = rotating.refresh(refreshed);
      assertThat(again.refreshToken()).isPresent().isNotEqualTo(refreshed.refreshToken()).isNotEqualTo(session.refreshToken());
      assertThat(again.user().userId()).isEqualTo(session.user().userId());

      for (AuthSession replaced : new AuthSession[] {session, refreshed}) {
        TokenRejectedException refused = thrown(TokenRejectedException.class, () -> rotating.refresh(replaced));
        assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
        assertThat(String.valueOf(refused.getMessage())).doesNotContain(replaced.refreshToken().orElseThrow());
      }
      // Refusing the old token revokes nothing else: the newest one still refreshes.
      assertThat(rotating.refresh(again).user().userId()).isEqualTo(session.user().userId());
    }
  }

  @Test
  default void signingOutARotatedSessionRevokesItsReplacementRefreshTokenAndTokens() {
    if (!supports(ContractCapability.REFRESH_TOKEN_ROTATION)) {
      AuthSession session = signUpAndSignIn(uniqueEmail("rotation-signout-unsupported"));
      AuthSession refreshed = service().refresh(session);
      service().signOut(refreshed);
      assertThat(thrown(TokenRejectedException.class, () -> service().refresh(session)).reason()).isEqualTo(Reason.REVOKED);
      return;
    }
    try (UserProfileService rotating = rotatingService(CONTRACT_POLICY)) {
      AuthSession session = signUpAndSignIn(rotating, uniqueEmail("rotation-signout"));
      AuthSession refreshed = rotating.refresh(session);

      rotating.signOut(refreshed);

      assertThat(thrown(TokenRejectedException.class, () -> rotating.refresh(refreshed)).reason()).isEqualTo(Reason.REVOKED);
      assertThat(thrown(TokenRejectedException.class, () -> rotating.verify(refreshed.accessToken())).reason())
          .isEqualTo(Reason.REVOKED);
      assertThat(thrown(TokenRejectedException.class, () -> rotating.verify(session.idToken())).reason())
          .as("the tokens of the sign-in belong to the same session").isEqualTo(Reason.REVOKED);
    }
  }

  /** Signs a user up on the given service, confirms them and signs them in. */
  private AuthSession signUpAndSignIn(UserProfileService on, String email) {
    on.signUp(SignUpRequest.builder().email(email).password(PASSWORD).givenName(GIVEN_NAME).familyName(FAMILY_NAME).build());
    on.confirmSignUp(email, confirmationCode(on, email));
    return on.signIn(email, PASSWORD).sessionOrThrow();
  }
}
