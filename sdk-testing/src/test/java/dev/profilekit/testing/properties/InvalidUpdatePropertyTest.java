package dev.profilekit.testing.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every update that breaks a {@code ProfilePolicy} rule, whatever valid changes surround the
 * violation, is rejected with {@link InvalidProfileException} naming the field, never echoing the
 * value, and leaves the stored profile exactly as it was.
 */
class InvalidUpdatePropertyTest {

  private final InMemoryUserProfileService fake = InMemoryUserProfileService.create();

  @Provide
  Arbitrary<ProfileUpdate> valid() {
    return ProfileArbitraries.update();
  }

  @Provide
  Arbitrary<Violation> violation() {
    return Violations.any();
  }

  @Property(tries = 200)
  void anInvalidUpdateIsRejectedNamingTheFieldAndChangesNothing(@ForAll("valid") ProfileUpdate base, @ForAll("violation") Violation violation) {
    VerifiedUser user = freshUser();
    UserProfile before = fake.updateProfile(user, ProfileUpdate.builder().displayName("Before").build());
    ProfileUpdate invalid = violation.breakIt().apply(ProfileUpdate.builder().from(base)).build();

    assertThatThrownBy(() -> fake.updateProfile(user, invalid)).isInstanceOfSatisfying(InvalidProfileException.class, rejected -> {
      assertThat(rejected.field()).isEqualTo(violation.field());
      if (violation.offendingValue() != null) {
        assertThat(rejected.getMessage()).doesNotContain(violation.offendingValue());
      }
    });
    assertThatThrownBy(() -> fake.admin().updateProfile(user.userId(), invalid)).isInstanceOf(InvalidProfileException.class);
    assertThat(fake.getProfile(user)).isSameAs(before);
  }

  @Property(tries = 60)
  void anInvalidFirstUpdateCreatesNoProfile(@ForAll("violation") Violation violation) {
    VerifiedUser user = freshUser();

    assertThatThrownBy(() -> fake.updateProfile(user, violation.breakIt().apply(ProfileUpdate.builder()).build()))
        .isInstanceOf(InvalidProfileException.class);
    assertThat(fake.admin().findStoredProfile(user.userId())).isEmpty();
  }

  @Property(tries = 30)
  void anInvalidSubscriptionPlanIsRejectedThroughTheAdminView(@ForAll("badPlan") String plan) {
    VerifiedUser user = freshUser();
    ProfileUpdate update = ProfileUpdate.builder().subscription(Subscription.builder().plan(plan).status(SubscriptionStatus.ACTIVE).build()).build();

    assertThatThrownBy(() -> fake.admin().updateProfile(user.userId(), update))
        .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.field()).isEqualTo("subscription.plan"));
  }

  @Provide
  Arbitrary<String> badPlan() {
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().alpha().ofLength(65),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + " plan"), Arbitraries.of("pro/monthly", "pro!"));
  }

  private VerifiedUser freshUser() {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    return VerifiedUser.builder().userId(id).username(id).tokenUse(TokenUse.ACCESS).clientId("client").issuer("issuer")
        .issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
  }
}
