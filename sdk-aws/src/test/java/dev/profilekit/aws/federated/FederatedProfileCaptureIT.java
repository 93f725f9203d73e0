package dev.profilekit.aws.federated;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.IdentityProvider;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsUserProfileService#completeFederatedSignIn} against dynalite, with the hosted UI
 * domain played by {@link LoopbackCognitoDomain} (no emulator serves it): the provider's attributes
 * are stored at the first sign-in and only fill gaps later.
 */
@WithEmulators
class FederatedProfileCaptureIT {

  private static final URI CALLBACK = URI.create("https://app.example.com/auth/callback");

  private LoopbackCognitoDomain domain;
  private RequestCounter dynamoDbRequests;
  private UserProfileService service;

  @BeforeEach
  void setUp(EmulatorEnvironment env) throws Exception {
    domain = new LoopbackCognitoDomain(env.appClientId(), null);
    dynamoDbRequests = new RequestCounter();
    service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito())
        .dynamoDb(env.dynamoDb(dynamoDbRequests))
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .issuer(env.issuer())
        .hostedUi(HostedUiFixtures.hostedUi(domain, env.appClientId(), null))
        .build();
  }

  @AfterEach
  void tearDown() {
    service.close();
    domain.close();
  }

  private AuthSession signIn(IdentityProvider provider, Map<String, Object> claims) {
    PendingFederatedSignIn pending = service.federatedSignIn(provider, CALLBACK);
    return service.completeFederatedSignIn(pending, FederatedCallback.fromUri(domain.authorize(pending.authorizationUri(), claims)));
  }

  private static Map<String, Object> appleClaims(String sub, boolean withName) {
    Map<String, Object> claims = new HashMap<>(Map.of(
        "sub", sub,
        "cognito:username", "SignInWithApple_001234." + sub.replace("-", "") + ".0123",
        "email", "x7k2p9q4mn@privaterelay.appleid.com",
        "email_verified", "true",
        "identities", List.of(Map.of("userId", "001234." + sub.replace("-", "") + ".0123", "providerName", "SignInWithApple",
            "providerType", "SignInWithApple", "primary", "true", "dateCreated", "1700000000000"))));
    if (withName) {
      claims.put("given_name", "Grace");
      claims.put("family_name", "Hopper");
    }
    return claims;
  }

  private static Map<String, Object> googleClaims(String sub, String name, String picture) {
    Map<String, Object> claims = new HashMap<>(Map.of(
        "sub", sub,
        "cognito:username", "Google_" + Math.abs(sub.hashCode()),
        "email", "ada-" + sub + "@gmail.com",
        "email_verified", true,
        "name", name,
        "identities", List.of(Map.of("userId", String.valueOf(Math.abs(sub.hashCode())), "providerName", "Google",
            "providerType", "Google", "primary", "true", "dateCreated", "1700000000000"))));
    if (picture != null) {
      claims.put("picture", picture);
    }
    return claims;
  }

  @Test
  void theAppleNameOfTheFirstSignInIsStoredAndLaterSignInsWithoutItKeepIt() {
    String sub = UUID.randomUUID().toString();
    AuthSession first = signIn(IdentityProvider.APPLE, appleClaims(sub, true));
    UserProfile afterFirst = service.getProfile(first.user());

    AuthSession later = signIn(IdentityProvider.APPLE, appleClaims(sub, false));
    UserProfile afterLater = service.getProfile(later.user());

    assertThat(afterFirst.isStored()).isTrue();
    assertThat(afterFirst.displayName()).contains("Grace Hopper");
    assertThat(afterFirst.emailIsPrivateRelay()).isTrue();
    assertThat(afterLater.givenName()).contains("Grace");
    assertThat(afterLater.familyName()).contains("Hopper");
    assertThat(afterLater.version()).isEqualTo(afterFirst.version());
  }

  @Test
  void aLaterSignInFillsWhatIsMissingButNeverOverwritesTheUsersEdit() {
    String sub = UUID.randomUUID().toString();
    AuthSession first = signIn(IdentityProvider.GOOGLE, googleClaims(sub, "Ada Lovelace", null));
    UserProfile edited = service.updateProfile(first.user(), ProfileUpdate.builder().displayName("Countess Ada").build());

    AuthSession later = signIn(IdentityProvider.GOOGLE, googleClaims(sub, "Ada King", "https://lh3.googleusercontent.com/a/ada=s96-c"));
    UserProfile profile = service.getProfile(later.user());

    assertThat(profile.displayName()).contains("Countess Ada");
    assertThat(profile.avatarUrl()).contains("https://lh3.googleusercontent.com/a/ada=s96-c");
    assertThat(profile.version()).isEqualTo(edited.version() + 1);
  }

  @Test
  void theCaptureCostsOneReadAndOnlyWritesWhenSomethingIsMissing() {
    String sub = UUID.randomUUID().toString();
    signIn(IdentityProvider.GOOGLE, googleClaims(sub, "Ada Lovelace", null));
    List<String> firstSignIn = List.copyOf(dynamoDbRequests.operations());
    dynamoDbRequests.reset();

    signIn(IdentityProvider.GOOGLE, googleClaims(sub, "Ada Lovelace", null));

    assertThat(firstSignIn).hasSize(2).startsWith("GetItem");
    assertThat(dynamoDbRequests.operations()).containsExactly("GetItem");
  }
}
