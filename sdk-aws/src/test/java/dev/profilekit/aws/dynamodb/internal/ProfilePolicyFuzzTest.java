package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.FieldValue;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestUsers;
import java.util.Map;

/**
 * Fuzzes {@link ProfilePolicy} against the in-memory service's store: for any update, the policy's
 * verdict (accepted, or which exception, field and rule) is the service's, and an accepted update is
 * stored exactly: every set field has its value, every removed one is gone, the version moved by
 * one. Kept beside the codec's fuzz test to share {@link FuzzedProfiles}.
 */
class ProfilePolicyFuzzTest {

  private static final ProfilePolicy POLICY = ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build();

  @FuzzTest
  void thePolicysVerdictIsTheFakeStoresVerdict(FuzzedDataProvider data) {
    ProfileUpdate update = FuzzedProfiles.update(data);
    String expected = verdict(() -> POLICY.validateUserUpdate(update));

    try (InMemoryUserProfileService fake = InMemoryUserProfileService.builder().policy(POLICY).build()) {
      VerifiedUser user = fake.verify(fake.tokens().validIdToken(fake.seed(TestUsers.email("ada@example.com"))));
      UserProfile[] stored = new UserProfile[1];
      String actual = verdict(() -> stored[0] = fake.updateProfile(user, update));

      if (expected.equals("accepted") && actual.startsWith(VersionConflictException.class.getSimpleName())) {
        // A version check is the store's, not the policy's: only a wrong expected version may differ.
        assertThat(update.expectedVersion()).isPresent().get().isNotEqualTo(0L);
        return;
      }
      assertThat(actual).isEqualTo(expected);
      if (stored[0] != null) {
        assertStored(stored[0], update);
      }
    }
  }

  private static void assertStored(UserProfile profile, ProfileUpdate update) {
    assertThat(profile.version()).isEqualTo(1);
    update.setFields().forEach((field, value) -> assertThat(profile.get(field)).contains(value));
    for (ProfileField field : update.removeFields()) {
      assertThat(profile.get(field)).isEmpty();
    }
    assertEntries(profile.preferences(), update.setPreferences(), update.removePreferences());
    assertEntries(profile.customFields(), update.setCustomFields(), update.removeCustomFields());
  }

  private static void assertEntries(Map<String, FieldValue> stored, Map<String, FieldValue> set, java.util.Set<String> removed) {
    set.forEach((name, value) -> assertThat(stored).containsEntry(name, value));
    assertThat(stored).doesNotContainKeys(removed.toArray(String[]::new));
  }

  /** "accepted", or the exception's type with the field and rule it names. */
  private static String verdict(Runnable call) {
    try {
      call.run();
      return "accepted";
    } catch (InvalidProfileException e) {
      return "InvalidProfileException " + e.field() + " " + e.rule();
    } catch (ForbiddenFieldException e) {
      return "ForbiddenFieldException " + e.field();
    } catch (ProfileKitException e) {
      return e.getClass().getSimpleName();
    }
  }
}
