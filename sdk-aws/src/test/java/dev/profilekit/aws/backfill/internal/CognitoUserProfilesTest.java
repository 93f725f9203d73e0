package dev.profilekit.aws.backfill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AttributeMapper;
import dev.profilekit.IdentityProvider;
import dev.profilekit.ProfileSource;
import dev.profilekit.UserProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

class CognitoUserProfilesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant CREATED = Instant.parse("2024-01-20T17:18:37Z");

  private static UserType user(String... nameValues) {
    UserType.Builder user = UserType.builder().username("u").userCreateDate(CREATED);
    AttributeType[] attributes = new AttributeType[nameValues.length / 2];
    for (int i = 0; i < attributes.length; i++) {
      attributes[i] = AttributeType.builder().name(nameValues[2 * i]).value(nameValues[2 * i + 1]).build();
    }
    return user.attributes(attributes).build();
  }

  private static UserProfile map(UserType user) {
    Map<String, String> attributes = CognitoUserProfiles.attributes(user);
    return CognitoUserProfiles.toStoredProfile(user, CognitoUserProfiles.userId(attributes).orElseThrow(), attributes,
        AttributeMapper.defaults(), NOW);
  }

  @Test
  void googleUserBecomesAStoredProfileWithItsLinkedIdentity() {
    UserProfile profile = map(user(
        "sub", "s-1", "email", "ada@gmail.com", "email_verified", "true", "name", "Ada Lovelace",
        "picture", "https://lh3.googleusercontent.com/a/x",
        "identities", "[{\"userId\":\"1045\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"issuer\":null,"
            + "\"primary\":true,\"dateCreated\":1642699117273}]"));

    assertThat(profile.userId()).isEqualTo("s-1");
    assertThat(profile.email()).contains("ada@gmail.com");
    assertThat(profile.emailVerified()).isTrue();
    assertThat(profile.displayName()).contains("Ada Lovelace");
    assertThat(profile.avatarUrl()).contains("https://lh3.googleusercontent.com/a/x");
    assertThat(profile.linkedIdentities()).singleElement().satisfies(identity -> {
      assertThat(identity.provider()).isEqualTo(IdentityProvider.GOOGLE);
      assertThat(identity.providerUserId()).isEqualTo("1045");
      assertThat(identity.linkedAt()).contains(Instant.ofEpochMilli(1642699117273L));
    });
    assertThat(profile.createdAt()).contains(CREATED);
    assertThat(profile.updatedAt()).contains(NOW);
    assertThat(profile.version()).isEqualTo(1);
    assertThat(profile.source()).isEqualTo(ProfileSource.STORED);
  }

  @Test
  void appleUserWithPrivateRelayEmailKeepsItAsIs() {
    UserProfile profile = map(user(
        "sub", "s-2", "email", "x1y2@privaterelay.appleid.com",
        "identities", "[{\"userId\":\"001234.abcd\",\"providerName\":\"SignInWithApple\",\"providerType\":\"SignInWithApple\"}]"));

    assertThat(profile.emailIsPrivateRelay()).isTrue();
    assertThat(profile.linkedIdentities()).singleElement()
        .satisfies(identity -> assertThat(identity.provider()).isEqualTo(IdentityProvider.APPLE));
  }

  @Test
  void valuesBreakingThePolicyAreLeftOutAsInTheFallback() {
    UserProfile profile = map(user("sub", "s-3", "picture", "http://insecure.example/a.png", "locale", "not a locale"));

    assertThat(profile.avatarUrl()).isEmpty();
    assertThat(profile.locale()).isEmpty();
  }

  @Test
  void unreadableIdentitiesAreLeftOutAsInTheFallback() {
    UserProfile profile = map(user("sub", "s-4", "email", "a@b.c", "identities", "{not json"));

    assertThat(profile.linkedIdentities()).isEmpty();
    assertThat(profile.email()).contains("a@b.c");
  }

  @Test
  void userWithoutSubHasNoUserId() {
    assertThat(CognitoUserProfiles.userId(CognitoUserProfiles.attributes(user("email", "a@b.c")))).isEmpty();
  }
}
