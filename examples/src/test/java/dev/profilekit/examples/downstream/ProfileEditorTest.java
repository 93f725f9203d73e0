package dev.profilekit.examples.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.ProfileKitTest;
import dev.profilekit.testing.Seeded;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A consumer's tests of a handler that edits the signed-in user's profile, on profilekit-testing only. */
@ProfileKitTest
class ProfileEditorTest {

  @Test
  void renameStoresTheProfileFromTheFallback(UserProfileService profiles, ProfileAdmin admin, TestTokens tokens, @Seeded SeededUser ada) {
    UserProfile renamed = new ProfileEditor(profiles).rename("Bearer " + tokens.validIdToken(ada), "Ada King");

    assertThat(renamed.isStored()).isTrue();
    assertThat(renamed.version()).isEqualTo(1);
    assertThat(admin.findStoredProfile(ada.userId()).orElseThrow().displayName()).contains("Ada King");
  }

  @Test
  void renameRetriesWhenAnotherRequestWroteInBetweenAndKeepsThatWrite(
      UserProfileService profiles, ProfileAdmin admin, TestTokens tokens, @Seeded SeededUser ada) {
    // Another request writes between the editor's read and its write, once: a real race, replayed.
    AtomicBoolean raced = new AtomicBoolean();
    UserProfileService racing = (UserProfileService) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {UserProfileService.class}, (proxy, method, args) -> {
          if (method.getName().equals("updateProfile") && raced.compareAndSet(false, true)) {
            admin.updateProfile(((VerifiedUser) args[0]).userId(), ProfileUpdate.builder().set(dev.profilekit.ProfileField.LOCALE, "en-GB").build());
          }
          try {
            return method.invoke(profiles, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });

    UserProfile renamed = new ProfileEditor(racing).rename("Bearer " + tokens.validIdToken(ada), "Ada King");

    assertThat(raced).isTrue();
    assertThat(renamed.displayName()).contains("Ada King");
    assertThat(renamed.locale()).as("the concurrent write survives").contains("en-GB");
    assertThat(renamed.version()).isEqualTo(2);
  }

  @Test
  void renameRefusesABadTokenAndChangesNothing(UserProfileService profiles, ProfileAdmin admin, TestTokens tokens, @Seeded SeededUser ada) {
    String forged = tokens.idToken(ada).signedByUntrustedKey().sign();

    assertThatThrownBy(() -> new ProfileEditor(profiles).rename("Bearer " + forged, "Mallory"))
        .isInstanceOfSatisfying(NotAuthenticatedException.class, e -> assertThat(e.reason()).isPresent());
    assertThat(admin.findStoredProfile(ada.userId())).isEmpty();
  }

  @Test
  void renameRefusesAnAccessTokenIssuedBeforeSignOutEverywhere(UserProfileService profiles, TestTokens tokens, @Seeded SeededUser ada) {
    String before = tokens.validAccessToken(ada);
    profiles.admin().signOutEverywhere(ada.userId());

    assertThatThrownBy(() -> new ProfileEditor(profiles).rename("Bearer " + before, "Ada"))
        .isInstanceOfSatisfying(NotAuthenticatedException.class, e -> assertThat(e.reason()).contains(Reason.REVOKED));
  }

  @Test
  void renameRejectsABlankNameNamingTheFieldAndRule(UserProfileService profiles, TestTokens tokens, @Seeded SeededUser ada) {
    assertThatThrownBy(() -> new ProfileEditor(profiles).rename("Bearer " + tokens.validIdToken(ada), "   "))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
          assertThat(e.field()).isEqualTo("displayName");
          assertThat(e.rule()).isEqualTo("length");
        });
  }
}
