package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AccountExport;
import dev.profilekit.AuthSession;
import dev.profilekit.FieldValue;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserAccount;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.internal.JsonText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: the account export ({@code exportAccount} by the user, {@code
 * admin().exportUser} by an administrator), one JSON document of format {@value
 * AccountExport#FORMAT}, read back here member by member against what the service reports
 * through its other calls. See {@code docs/account-lifecycle.md}.
 */
public interface AccountExportCases extends ContractHarness {

  /** A text that needs escaping: quotes, a backslash, a control character, a line separator, an emoji. */
  String HOSTILE_TEXT = "Ada \"the\" Countess \\ \u0001\n\u2028 😀";

  /** The group the exported user is put in. */
  String EXPORT_GROUP = "exporters";

  /** Signs a user up and in, and stores a profile with preferences, typed custom fields and a subscription. */
  private AuthSession userWithFullProfile(String email) {
    AuthSession session = signUpAndSignIn(email);
    Map<String, FieldValue> address = new LinkedHashMap<>();
    address.put("city", FieldValue.of("London"));
    address.put("zip", FieldValue.of(12345));
    service().updateProfile(session.user(), ProfileUpdate.builder()
        .displayName("Ada L.")
        .locale("en-GB")
        .zoneinfo("Europe/London")
        .preference("theme", FieldValue.of("dark"))
        .preference("newsletter", FieldValue.of(false))
        .preference("fontScale", FieldValue.of(new BigDecimal("1.25")))
        .customField("nickname", FieldValue.of(HOSTILE_TEXT))
        .customField("visits", FieldValue.of(42))
        .customField("ratio", FieldValue.of(new BigDecimal("0.125")))
        .customField("beta", FieldValue.of(true))
        .customField("tags", FieldValue.list(FieldValue.of("math"), FieldValue.of("engines")))
        .customField("address", FieldValue.map(address))
        .build());
    service().admin().updateProfile(session.user().userId(), ProfileUpdate.builder()
        .subscription(Subscription.builder().plan("pro-monthly").status(SubscriptionStatus.ACTIVE)
            .currentPeriodEnd(Instant.parse("2027-01-01T00:00:00Z")).externalCustomerId("cus_123").build())
        .customField("creditBalance", FieldValue.of(new BigDecimal("12.50")))
        .build());
    return session;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(AccountExport export) {
    Object parsed = JsonText.parse(export.json());
    assertThat(parsed).as("the document is one JSON object").isInstanceOf(Map.class);
    return (Map<String, Object>) parsed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> member(Map<String, Object> object, String name) {
    assertThat(object).containsKey(name);
    Object value = object.get(name);
    assertThat(value).as(name).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static Object text(Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }

  /** The header and the Cognito part, checked against the account the admin view reads. */
  private void assertHeaderAndCognito(AccountExport export, String scope, UserAccount account, String email) {
    Map<String, Object> document = document(export);
    assertThat(document).containsEntry("format", "profilekit.account-export").containsEntry("version", 1L)
        .containsEntry("scope", scope).containsEntry("userId", account.userId());
    assertThat(document.get("exportedAt")).isEqualTo(export.exportedAt().toString());
    assertThat(export.userId()).isEqualTo(account.userId());
    assertThat(new ArrayList<>(document.keySet()))
        .containsExactly("format", "version", "scope", "exportedAt", "userId", "cognito", "profile");

    Map<String, Object> cognito = member(document, "cognito");
    assertThat(cognito).containsEntry("username", account.username());
    Map<String, Object> attributes = member(cognito, "attributes");
    assertThat(attributes).isEqualTo(new LinkedHashMap<String, Object>(account.attributes()));
    assertThat(attributes).containsEntry("sub", account.userId()).containsEntry("email", email)
        .containsEntry("email_verified", "true");
    assertThat(new ArrayList<>(attributes.keySet())).as("attributes in name order").isSorted();
    if (scope.equals("admin")) {
      assertThat(new ArrayList<>(cognito.keySet())).containsExactly("username", "attributes", "enabled", "status", "createdAt", "groups");
      assertThat(cognito).containsEntry("enabled", true).containsEntry("status", "CONFIRMED")
          .containsEntry("createdAt", text(account.createdAt()))
          .containsEntry("groups", account.groups().stream().sorted().toList());
    } else {
      assertThat(new ArrayList<>(cognito.keySet())).as("GetUser says no more").containsExactly("username", "attributes");
    }
  }

  /** The profile part, field by field, against the stored profile; every member present. */
  private static void assertProfile(Map<String, Object> profile, UserProfile stored) {
    assertThat(new ArrayList<>(profile.keySet())).containsExactly("email", "emailVerified", "displayName", "givenName",
        "familyName", "avatarUrl", "locale", "zoneinfo", "preferences", "customFields", "subscription", "linkedIdentities",
        "version", "createdAt", "updatedAt");
    assertThat(profile).containsEntry("email", text(stored.email())).containsEntry("emailVerified", stored.emailVerified())
        .containsEntry("displayName", "Ada L.").containsEntry("givenName", text(stored.givenName()))
        .containsEntry("familyName", text(stored.familyName())).containsEntry("avatarUrl", null)
        .containsEntry("locale", "en-GB").containsEntry("zoneinfo", "Europe/London")
        .containsEntry("linkedIdentities", List.of())
        .containsEntry("version", stored.version())
        .containsEntry("createdAt", text(stored.createdAt())).containsEntry("updatedAt", text(stored.updatedAt()));
    assertThat(stored.givenName()).contains(GIVEN_NAME);
    // Each value keeps its JSON type: strings, numbers (exact decimals), booleans, arrays, objects.
    assertThat(member(profile, "preferences")).isEqualTo(Map.of("theme", "dark", "newsletter", false,
        "fontScale", new BigDecimal("1.25")));
    Map<String, Object> custom = member(profile, "customFields");
    assertThat(custom).containsOnlyKeys("nickname", "visits", "ratio", "beta", "tags", "address", "creditBalance");
    assertThat(custom).containsEntry("creditBalance", new BigDecimal("12.5"));
    assertThat(custom).containsEntry("nickname", HOSTILE_TEXT).containsEntry("visits", 42L)
        .containsEntry("ratio", new BigDecimal("0.125")).containsEntry("beta", true)
        .containsEntry("tags", List.of("math", "engines")).containsEntry("address", Map.of("city", "London", "zip", 12345L));
    assertThat(new ArrayList<>(custom.keySet())).as("custom fields in name order").isSorted();
    assertThat(member(profile, "subscription")).containsExactly(Map.entry("plan", "pro-monthly"), Map.entry("status", "ACTIVE"),
        Map.entry("currentPeriodEnd", "2027-01-01T00:00:00Z"), Map.entry("externalCustomerId", "cus_123"));
  }

  @Test
  default void bothExportsHoldTheStoredProfileAndTheCognitoAttributesFieldByField() {
    String email = uniqueEmail("export-full");
    AuthSession session = userWithFullProfile(email);
    String userId = session.user().userId();
    service().admin().createGroup(EXPORT_GROUP);
    service().admin().addUserToGroup(userId, EXPORT_GROUP);
    UserProfile stored = service().admin().findStoredProfile(userId).orElseThrow();
    UserAccount account = service().admin().getUser(userId);

    AccountExport own = service().exportAccount(session);
    AccountExport byAdmin = service().admin().exportUser(userId);

    assertHeaderAndCognito(own, "self", account, email);
    assertHeaderAndCognito(byAdmin, "admin", account, email);
    assertThat(account.groups()).contains(EXPORT_GROUP);
    assertThat(own.hasStoredProfile()).isTrue();
    assertThat(byAdmin.hasStoredProfile()).isTrue();
    assertProfile(member(document(own), "profile"), stored);
    assertThat(member(document(byAdmin), "profile")).isEqualTo(member(document(own), "profile"));
    // Exporting changes nothing.
    assertThat(service().admin().findStoredProfile(userId)).contains(stored);
  }

  @Test
  default void anExportHoldsNoSecretAndItsValueMasksThePersonalData() {
    String email = uniqueEmail("export-secrets");
    AuthSession session = userWithFullProfile(email);

    for (AccountExport export : List.of(service().exportAccount(session), service().admin().exportUser(session.user().userId()))) {
      assertThat(export.json()).doesNotContain(PASSWORD).doesNotContain(session.accessToken()).doesNotContain(session.idToken());
      session.refreshToken().ifPresent(refresh -> assertThat(export.json()).doesNotContain(refresh));
      assertThat(export.toString()).doesNotContain(email).doesNotContain("Ada L.");
    }
  }

  @Test
  default void theSameDataGivesTheSameDocumentBesidesItsInstant() {
    AuthSession session = userWithFullProfile(uniqueEmail("export-twice"));

    Map<String, Object> first = document(service().exportAccount(session));
    Map<String, Object> second = document(service().exportAccount(session));

    first.remove("exportedAt");
    second.remove("exportedAt");
    assertThat(second).isEqualTo(first);
  }

  @Test
  default void aUserWithoutAStoredProfileIsExportedWithANullProfileAndNoneIsCreated() {
    String email = uniqueEmail("export-fresh");
    AuthSession session = signUpAndSignIn(email);
    String userId = session.user().userId();
    UserAccount account = service().admin().getUser(userId);

    AccountExport own = service().exportAccount(session);
    AccountExport byAdmin = service().admin().exportUser(userId);

    assertHeaderAndCognito(own, "self", account, email);
    assertHeaderAndCognito(byAdmin, "admin", account, email);
    for (AccountExport export : List.of(own, byAdmin)) {
      assertThat(export.hasStoredProfile()).isFalse();
      assertThat(document(export)).containsEntry("profile", null);
    }
    assertThat(service().admin().findStoredProfile(userId)).as("an export stores nothing").isEmpty();
  }

  @Test
  default void anExportOfADeletedAccountIsRefused() {
    AuthSession deletedByUser = userWithFullProfile(uniqueEmail("export-deleted"));
    AuthSession deletedByAdmin = userWithFullProfile(uniqueEmail("export-admin-deleted"));

    service().deleteAccount(deletedByUser);
    service().admin().deleteUser(deletedByAdmin.user().userId());

    for (AuthSession session : List.of(deletedByUser, deletedByAdmin)) {
      assertThat(thrown(TokenRejectedException.class, () -> service().exportAccount(session)).reason())
          .isEqualTo(TokenRejectedException.Reason.REVOKED);
      thrown(UserNotFoundException.class, () -> service().admin().exportUser(session.user().userId()));
    }
  }

  @Test
  default void anExportAfterSigningOutEverywhereIsRefusedButTheAdminStillExports() {
    AuthSession session = userWithFullProfile(uniqueEmail("export-signed-out"));

    service().signOutEverywhere(session);

    assertThat(thrown(TokenRejectedException.class, () -> service().exportAccount(session)).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(service().admin().exportUser(session.user().userId()).hasStoredProfile()).isTrue();
  }

  @Test
  default void anExportNeedsASessionWithItsAccessTokenAndAWellFormedUserId() {
    AuthSession session = signUpAndSignIn(uniqueEmail("export-input"));
    AuthSession wrong = AuthSession.builder().from(session).accessToken(session.idToken()).build();

    assertThat(thrown(InvalidRequestException.class, () -> service().exportAccount(null)).field()).isEqualTo("session");
    assertThat(thrown(TokenRejectedException.class, () -> service().exportAccount(wrong)).reason())
        .isEqualTo(TokenRejectedException.Reason.WRONG_TOKEN_USE);
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().exportUser("not a user id")).field()).isEqualTo("userId");
    thrown(UserNotFoundException.class, () -> service().admin().exportUser(UUID.randomUUID().toString()));
  }
}
