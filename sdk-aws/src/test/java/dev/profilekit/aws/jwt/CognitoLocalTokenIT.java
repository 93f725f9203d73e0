package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.IdentityProvider;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Tokens issued by cognito-local verify end to end: its issuer, its JWKS, its claims. */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CognitoLocalTokenIT {

  private static final String EMAIL = "grace@example.com";
  private static final String PASSWORD = "Passw0rd!long";

  private EmulatorEnvironment env;
  private String sub;
  private AuthenticationResultType tokens;

  @BeforeAll
  void signIn(EmulatorEnvironment env) {
    this.env = env;
    sub = env.createConfirmedUser(EMAIL, PASSWORD, Map.of("given_name", "Grace"));
    tokens =
        env.cognito()
            .initiateAuth(
                b ->
                    b.clientId(env.appClientId())
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", EMAIL, "PASSWORD", PASSWORD)))
            .authenticationResult();
  }

  @Test
  void cognitoLocalTokenIsRejectedWhenLifetimeCapIsShorterThanItsTwentyFourHours() {
    CognitoTokenVerifier strict = verifier().maxLifetime(Duration.ofHours(1)).build();

    assertThatThrownBy(() -> strict.verify(tokens.accessToken()))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.LIFETIME_TOO_LONG));
  }

  private CognitoTokenVerifier.Builder verifier() {
    // The one-argument form derives {issuer}/.well-known/jwks.json, which is where cognito-local serves it.
    return CognitoTokenVerifier.builder().userPool(env.issuer().toString()).clientIds(env.appClientId());
  }

  @Test
  void idTokenFromCognitoLocalVerifies() {
    VerifiedUser user = verifier().build().verify(tokens.idToken());

    assertThat(user.userId()).isEqualTo(sub);
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ID);
    assertThat(user.clientId()).isEqualTo(env.appClientId());
    assertThat(user.issuer()).isEqualTo(env.issuer().toString());
    assertThat(user.email()).contains(EMAIL);
    assertThat(user.identityProvider()).isEqualTo(IdentityProvider.COGNITO);
    // cognito-local puts only email and email_verified of the user's attributes into the ID token
    // (AWS puts every readable attribute); ClaimMappingTest covers the full mapping with minted tokens.
    assertThat(user.attributes()).containsEntry("email", EMAIL).containsKey("email_verified");
    // cognito-local issues 24 h tokens: exactly the default maximum lifetime, which is accepted.
    assertThat(Duration.between(user.issuedAt(), user.expiresAt())).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void accessTokenFromCognitoLocalVerifies() {
    VerifiedUser user = verifier().tokenUses(TokenUse.ACCESS).build().verify(tokens.accessToken());

    assertThat(user.userId()).isEqualTo(sub);
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ACCESS);
    assertThat(user.clientId()).isEqualTo(env.appClientId());
    assertThat(user.username()).isNotBlank();
    assertThat(user.scopes()).contains("aws.cognito.signin.user.admin");
    assertThat(user.attributes()).isEmpty();
  }

  @Test
  void prewarmFetchesCognitoLocalsKeySet() {
    CognitoTokenVerifier verifier = verifier().cacheSize(0).build();
    verifier.prewarm();
    assertThat(verifier.verify(tokens.idToken()).userId()).isEqualTo(sub);
  }

  @Test
  void cognitoLocalTokenIsRejectedByAVerifierForAnotherClient() {
    CognitoTokenVerifier other = verifier().clientIds("some-other-client").build();

    assertThatThrownBy(() -> other.verify(tokens.idToken()))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE));
  }
}
