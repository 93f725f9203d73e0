package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AccountExport;
import dev.profilekit.AccountStatus;
import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileSource;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserAccount;
import dev.profilekit.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The account export's text, pinned: version 1 of {@code profilekit.account-export} as {@code
 * docs/account-lifecycle.md} describes it, member names and order included. A change here is a
 * change of the documented format: update the page, and the version if a version-1 reader would
 * misread the new text.
 */
class AccountExportsTest {

  private static final String SUB = "7d1c2f0e-0000-4000-8000-000000000001";
  private static final Instant AT = Instant.parse("2026-12-04T05:00:00.123Z");

  private static UserProfile profile() {
    Map<String, FieldValue> address = new LinkedHashMap<>();
    address.put("zip", FieldValue.of(12345));
    address.put("city", FieldValue.of("London"));
    return UserProfile.builder()
        .userId(SUB)
        .email("ada@example.com")
        .emailVerified(true)
        .displayName("Ada \"L.\"\n")
        .locale("en-GB")
        .putPreference("theme", FieldValue.of("dark"))
        .putPreference("newsletter", FieldValue.of(false))
        .putCustomField("tags", FieldValue.list(FieldValue.of("math"), FieldValue.of(1.5)))
        .putCustomField("address", FieldValue.map(address))
        .putCustomField("creditBalance", FieldValue.of(new BigDecimal("12.50")))
        .subscription(Subscription.builder().plan("pro-monthly").status(SubscriptionStatus.ACTIVE)
            .currentPeriodEnd(Instant.parse("2027-01-01T00:00:00Z")).build())
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("1101").build())
        .version(3)
        .createdAt(Instant.parse("2026-12-01T09:00:05Z"))
        .updatedAt(Instant.parse("2026-12-03T18:20:00Z"))
        .source(ProfileSource.STORED)
        .build();
  }

  @Test
  void anAdministratorsExportIsExactlyTheDocumentedText() {
    UserAccount account = UserAccount.builder()
        .userId(SUB).username(SUB).email("ada@example.com").emailVerified(true).enabled(true).status(AccountStatus.CONFIRMED)
        .groups(List.of("zeta", "beta"))
        .attributes(Map.of("sub", SUB, "email_verified", "true", "email", "ada@example.com", "custom:plan", "pro"))
        .createdAt(Instant.parse("2026-12-01T09:00:00Z"))
        .build();

    AccountExport export = AccountExports.ofAdmin(account, Optional.of(profile()), AT);

    assertThat(export.json()).isEqualTo("{\"format\":\"profilekit.account-export\",\"version\":1,\"scope\":\"admin\","
        + "\"exportedAt\":\"2026-12-04T05:00:00.123Z\",\"userId\":\"" + SUB + "\","
        + "\"cognito\":{\"username\":\"" + SUB + "\",\"attributes\":{\"custom:plan\":\"pro\",\"email\":\"ada@example.com\","
        + "\"email_verified\":\"true\",\"sub\":\"" + SUB + "\"},\"enabled\":true,\"status\":\"CONFIRMED\","
        + "\"createdAt\":\"2026-12-01T09:00:00Z\",\"groups\":[\"beta\",\"zeta\"]},"
        + "\"profile\":{\"email\":\"ada@example.com\",\"emailVerified\":true,\"displayName\":\"Ada \\\"L.\\\"\\n\","
        + "\"givenName\":null,\"familyName\":null,\"avatarUrl\":null,\"locale\":\"en-GB\",\"zoneinfo\":null,"
        + "\"preferences\":{\"newsletter\":false,\"theme\":\"dark\"},"
        + "\"customFields\":{\"address\":{\"city\":\"London\",\"zip\":12345},\"creditBalance\":12.5,\"tags\":[\"math\",1.5]},"
        + "\"subscription\":{\"plan\":\"pro-monthly\",\"status\":\"ACTIVE\",\"currentPeriodEnd\":\"2027-01-01T00:00:00Z\","
        + "\"externalCustomerId\":null},"
        + "\"linkedIdentities\":[{\"provider\":\"Google\",\"providerUserId\":\"1101\",\"linkedAt\":null}],"
        + "\"version\":3,\"createdAt\":\"2026-12-01T09:00:05Z\",\"updatedAt\":\"2026-12-03T18:20:00Z\"}}");
    assertThat(export.userId()).isEqualTo(SUB);
    assertThat(export.exportedAt()).isEqualTo(AT);
    assertThat(export.hasStoredProfile()).isTrue();
    assertThat(export.toString()).doesNotContain("ada@example.com").contains("****");
  }

  @Test
  void theUsersOwnExportHasTheUsernameAndAttributesOnlyAndANullProfileWithoutOne() {
    AccountExport export = AccountExports.ofSelf(SUB, SUB, Map.of("sub", SUB), Optional.empty(), AT);

    assertThat(export.json()).isEqualTo("{\"format\":\"profilekit.account-export\",\"version\":1,\"scope\":\"self\","
        + "\"exportedAt\":\"2026-12-04T05:00:00.123Z\",\"userId\":\"" + SUB + "\","
        + "\"cognito\":{\"username\":\"" + SUB + "\",\"attributes\":{\"sub\":\"" + SUB + "\"}},\"profile\":null}");
    assertThat(export.hasStoredProfile()).isFalse();
  }
}
