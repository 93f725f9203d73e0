package dev.profilekit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkedIdentityUsernameTest {

  @Test
  void googleAndAppleUsernamesNameTheProviderAndItsUserId() {
    assertThat(LinkedIdentity.fromCognitoUsername("Google_110169484474386276334")).hasValueSatisfying(identity -> {
      assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE);
      assertThat(identity.providerUserId()).isEqualTo("110169484474386276334");
    });
    assertThat(LinkedIdentity.fromCognitoUsername("SignInWithApple_001234.abcd1234abcd1234.0123")).hasValueSatisfying(identity -> {
      assertThat(identity.provider()).isEqualTo(IdentityProvider.APPLE);
      assertThat(identity.providerUserId()).isEqualTo("001234.abcd1234abcd1234.0123");
    });
  }

  @Test
  void lowerCasedUsernamesOfCaseInsensitivePoolsAreRecognised() {
    assertThat(LinkedIdentity.fromCognitoUsername("google_110169484474386276334"))
        .map(LinkedIdentity::provider).contains(IdentityProvider.GOOGLE);
  }

  @Test
  void configuredProvidersAreMatchedLongestNameFirst() {
    IdentityProvider acme = IdentityProvider.saml("Acme");
    IdentityProvider acmeEu = IdentityProvider.saml("Acme_EU");

    assertThat(LinkedIdentity.fromCognitoUsername("Acme_EU_jane@acme.example", acme, acmeEu)).hasValueSatisfying(identity -> {
      assertThat(identity.provider()).isEqualTo(acmeEu);
      assertThat(identity.providerUserId()).isEqualTo("jane@acme.example");
    });
  }

  @Test
  void nativeAndUnknownUsernamesNameNoProvider() {
    assertThat(LinkedIdentity.fromCognitoUsername("6f0f5c3e-5d1c-4b8e-9d6c-2a1b3c4d5e6f")).isEmpty();
    assertThat(LinkedIdentity.fromCognitoUsername("Okta_jane")).isEmpty();
    assertThat(LinkedIdentity.fromCognitoUsername("Google_")).isEmpty();
    assertThat(LinkedIdentity.fromCognitoUsername(null)).isEmpty();
  }
}
