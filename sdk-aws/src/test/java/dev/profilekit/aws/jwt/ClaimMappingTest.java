package dev.profilekit.aws.jwt;

import static dev.profilekit.aws.jwt.TokenMinter.CLIENT;
import static dev.profilekit.aws.jwt.TokenMinter.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");
  private final MutableClock clock = new MutableClock(now);
  private final CognitoTokenVerifier verifier =
      CognitoTokenVerifier.builder()
          .offlineUserPool(ISSUER, TestKeys.jwks(TestKeys.POOL_KEY))
          .clientIds(CLIENT)
          .clock(clock)
          .build();

  @Test
  void idTokenMapsEveryClaimIntoTheVerifiedUser() {
    VerifiedUser user = verifier.verify(TokenMinter.sign(TokenMinter.idClaims(now), TestKeys.POOL_KEY));

    assertThat(user.userId()).isEqualTo("0f1e2d3c-user");
    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.email()).contains("alice@example.com");
    assertThat(user.emailVerified()).isTrue();
    assertThat(user.groups()).containsExactlyInAnyOrder("admins", "staff");
    assertThat(user.scopes()).isEmpty();
    assertThat(user.identityProvider()).isEqualTo(IdentityProvider.COGNITO);
    assertThat(user.linkedIdentities()).isEmpty();
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ID);
    assertThat(user.clientId()).isEqualTo(CLIENT);
    assertThat(user.issuer()).isEqualTo(ISSUER);
    assertThat(user.issuedAt()).isEqualTo(now);
    assertThat(user.expiresAt()).isEqualTo(now.plusSeconds(3600));
    assertThat(user.authTime()).contains(now);
    assertThat(user.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "given_name", "Alice",
                "custom:plan", "pro",
                "email", "alice@example.com",
                "email_verified", "true"));
  }

  @Test
  void accessTokenMapsUsernameScopesAndClientIdAndHasNoAttributes() {
    VerifiedUser user = verifier.verify(TokenMinter.sign(TokenMinter.accessClaims(now), TestKeys.POOL_KEY));

    assertThat(user.username()).isEqualTo("alice");
    assertThat(user.tokenUse()).isEqualTo(TokenUse.ACCESS);
    assertThat(user.clientId()).isEqualTo(CLIENT);
    assertThat(user.scopes()).containsExactlyInAnyOrder("openid", "profile.read", "profile.write");
    assertThat(user.groups()).containsExactly("admins");
    assertThat(user.email()).isEmpty();
    assertThat(user.emailVerified()).isFalse();
    assertThat(user.attributes()).isEmpty();
  }

  @Test
  void aFederatedUsersAccessTokenNamesTheProviderThroughItsUsername() {
    Map<String, Object> google = TokenMinter.accessClaims(now);
    google.put("username", "Google_110169484474386276334");
    Map<String, Object> apple = TokenMinter.accessClaims(now);
    apple.put("username", "signinwithapple_001234.abcd1234.0123");

    VerifiedUser googleUser = verifier.verify(TokenMinter.sign(google, TestKeys.POOL_KEY));
    VerifiedUser appleUser = verifier.verify(TokenMinter.sign(apple, TestKeys.POOL_KEY));

    assertThat(googleUser.identityProvider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(googleUser.linkedIdentities()).singleElement()
        .satisfies(identity -> assertThat(identity.providerUserId()).isEqualTo("110169484474386276334"));
    assertThat(appleUser.identityProvider()).isEqualTo(IdentityProvider.APPLE);
  }

  @Test
  void emailVerifiedAsTheStringCognitoSometimesEmitsIsRead() {
    Map<String, Object> claims = TokenMinter.idClaims(now);
    claims.put("email_verified", "true");
    assertThat(verifier.verify(TokenMinter.sign(claims, TestKeys.POOL_KEY)).emailVerified()).isTrue();
    claims.put("email_verified", "false");
    VerifiedUser user = verifier.verify(TokenMinter.sign(claims, TestKeys.POOL_KEY));
    assertThat(user.emailVerified()).isFalse();
    assertThat(user.attributes()).containsEntry("email_verified", "false");
  }

  @Test
  void identitiesArrayBecomesLinkedIdentitiesAndTheProvider() {
    Map<String, Object> claims = TokenMinter.idClaims(now);
    claims.put("cognito:username", "Google_1234567890");
    claims.put(
        "identities",
        List.of(
            Map.of(
                "userId", "1234567890",
                "providerName", "Google",
                "providerType", "Google",
                "primary", "true",
                "dateCreated", "1700000000000")));

    VerifiedUser user = verifier.verify(TokenMinter.sign(claims, TestKeys.POOL_KEY));

    assertThat(user.identityProvider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(user.linkedIdentities())
        .containsExactly(
            LinkedIdentity.builder()
                .provider(IdentityProvider.GOOGLE)
                .providerUserId("1234567890")
                .linkedAt(Instant.ofEpochMilli(1700000000000L))
                .build());
  }

  @Test
  void identitiesAsAJsonStringAreParsedToo() {
    Map<String, Object> claims = TokenMinter.idClaims(now);
    claims.put(
        "identities",
        "[{\"userId\":\"000123.abc\",\"providerName\":\"SignInWithApple\",\"providerType\":\"SignInWithApple\","
            + "\"primary\":\"true\",\"dateCreated\":1700000000000},"
            + "{\"userId\":\"u-9\",\"providerName\":\"Corp\",\"providerType\":\"SAML\",\"primary\":\"false\"}]");

    VerifiedUser user = verifier.verify(TokenMinter.sign(claims, TestKeys.POOL_KEY));

    assertThat(user.identityProvider()).isEqualTo(IdentityProvider.APPLE);
    assertThat(user.linkedIdentities())
        .extracting(LinkedIdentity::provider)
        .containsExactly(IdentityProvider.APPLE, IdentityProvider.saml("Corp"));
    assertThat(user.linkedIdentities().get(1).linkedAt()).isEmpty();
  }
}
