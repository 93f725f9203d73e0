package dev.profilekit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every valid update, applied to the in-memory service and read back, yields exactly what was
 * written: checked against a plain-map model of the profile over sequences of updates.
 */
class ValidUpdatePropertyTest {

  private final InMemoryUserProfileService fake = InMemoryUserProfileService.create();

  @Provide
  Arbitrary<List<ProfileUpdate>> updates() {
    return ProfileArbitraries.update().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<ProfileUpdate> update() {
    return ProfileArbitraries.update();
  }

  @Property(tries = 150)
  void aValidUpdateReadBackIsExactlyWhatWasWritten(@ForAll("update") ProfileUpdate update) {
    VerifiedUser user = freshUser();

    UserProfile written = fake.updateProfile(user, update);
    UserProfile read = fake.getProfile(user);

    assertThat(read).isEqualTo(written);
    assertThat(read.source()).isEqualTo(ProfileSource.STORED);
    assertThat(read.version()).isEqualTo(1);
    update.setFields().forEach((field, value) -> assertThat(read.get(field)).contains(value));
    update.removeFields().forEach(field -> assertThat(read.get(field)).isEmpty());
    assertThat(read.customFields()).isEqualTo(update.setCustomFields());
    assertThat(read.preferences()).isEqualTo(update.setPreferences());
  }

  @Property(tries = 60)
  void aSequenceOfUpdatesMatchesAPlainMapModel(@ForAll("updates") List<ProfileUpdate> updates) {
    VerifiedUser user = freshUser();
    Map<ProfileField, String> fields = new EnumMap<>(ProfileField.class);
    Map<String, FieldValue> preferences = new HashMap<>();
    Map<String, FieldValue> custom = new HashMap<>();
    long version = 0;

    for (ProfileUpdate update : updates) {
      UserProfile before = fake.getProfile(user);
      ProfileUpdate guarded = ProfileUpdate.builder().from(update).expectedVersion(before.version()).build();
      UserProfile after = fake.updateProfile(user, guarded);
      update.removeFields().forEach(fields::remove);
      fields.putAll(update.setFields());
      update.removePreferences().forEach(preferences::remove);
      preferences.putAll(update.setPreferences());
      update.removeCustomFields().forEach(custom::remove);
      custom.putAll(update.setCustomFields());
      version++;
      assertThat(after.version()).isEqualTo(version);
    }

    UserProfile read = fake.getProfile(user);
    for (ProfileField field : ProfileField.values()) {
      assertThat(read.get(field)).as(field.attributeName()).isEqualTo(java.util.Optional.ofNullable(fields.get(field)));
    }
    assertThat(read.preferences()).isEqualTo(preferences);
    assertThat(read.customFields()).isEqualTo(custom);
  }

  private static VerifiedUser freshUser() {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    return VerifiedUser.builder().userId(id).username(id).tokenUse(TokenUse.ACCESS).clientId("client").issuer("issuer")
        .issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
  }
}
