package dev.profilekit.testing;

import dev.profilekit.IdentityProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to seed into an {@link InMemoryUserProfileService}, described the way the identity
 * provider would describe them; start from {@link TestUsers}.
 *
 * <p>Immutable: every method returns a changed copy, so a base fixture can be shared and varied.
 *
 * <pre>{@code
 * SeededUser ada = fake.seed(TestUsers.google("ada@example.com").givenName("Ada").familyName("Lovelace"));
 * }</pre>
 */
public final class TestUser {

  private final IdentityProvider provider;
  private final String email;
  private final String password;
  private final String temporaryPassword;
  private final boolean confirmed;
  private final String userId;
  private final String providerUserId;
  private final Map<String, String> attributes;
  private final List<String> groups;

  TestUser(IdentityProvider provider, String email, String providerUserId, Map<String, String> attributes) {
    this(provider, email, TestUsers.DEFAULT_PASSWORD, null, true, null, providerUserId, attributes, List.of());
  }

  private TestUser(IdentityProvider provider, String email, String password, String temporaryPassword, boolean confirmed,
      String userId, String providerUserId, Map<String, String> attributes, List<String> groups) {
    this.provider = provider;
    this.email = email;
    this.password = password;
    this.temporaryPassword = temporaryPassword;
    this.confirmed = confirmed;
    this.userId = userId;
    this.providerUserId = providerUserId;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.groups = List.copyOf(groups);
  }

  /**
   * Sets the given name ({@code given_name}).
   *
   * @param givenName the given name
   * @return a changed copy
   */
  public TestUser givenName(String givenName) {
    return attribute("given_name", givenName);
  }

  /**
   * Sets the family name ({@code family_name}).
   *
   * @param familyName the family name
   * @return a changed copy
   */
  public TestUser familyName(String familyName) {
    return attribute("family_name", familyName);
  }

  /**
   * Sets the full name ({@code name}), which becomes the profile's display name.
   *
   * @param name the name
   * @return a changed copy
   */
  public TestUser name(String name) {
    return attribute("name", name);
  }

  /**
   * Sets the picture URL ({@code picture}).
   *
   * @param url the URL
   * @return a changed copy
   */
  public TestUser picture(String url) {
    return attribute("picture", url);
  }

  /**
   * Sets the locale ({@code locale}), a BCP 47 tag.
   *
   * @param locale the tag
   * @return a changed copy
   */
  public TestUser locale(String locale) {
    return attribute("locale", locale);
  }

  /**
   * Sets the time zone ({@code zoneinfo}).
   *
   * @param zoneId the IANA zone id
   * @return a changed copy
   */
  public TestUser zoneinfo(String zoneId) {
    return attribute("zoneinfo", zoneId);
  }

  /**
   * Sets whether the email is verified ({@code email_verified}).
   *
   * @param verified true when verified
   * @return a changed copy
   */
  public TestUser emailVerified(boolean verified) {
    return attribute("email_verified", Boolean.toString(verified));
  }

  /**
   * Sets any attribute by its Cognito name ({@code custom:plan}, {@code phone_number}...); a null
   * value removes it.
   *
   * @param name the attribute name
   * @param value the value, or null
   * @return a changed copy
   */
  public TestUser attribute(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(attributes);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(Objects.requireNonNull(name, "name"), value);
    }
    return new TestUser(provider, email, password, temporaryPassword, confirmed, userId, providerUserId, changed, groups);
  }

  /**
   * Puts the user in Cognito groups ({@code cognito:groups}).
   *
   * @param groupNames the groups
   * @return a changed copy
   */
  public TestUser groups(String... groupNames) {
    List<String> changed = new ArrayList<>(groups);
    changed.addAll(List.of(groupNames));
    return new TestUser(provider, email, password, temporaryPassword, confirmed, userId, providerUserId, attributes, changed);
  }

  /**
   * Sets the password of an email user.
   *
   * @param newPassword the password
   * @return a changed copy
   */
  public TestUser password(String newPassword) {
    return new TestUser(provider, email, Objects.requireNonNull(newPassword, "password"), temporaryPassword, confirmed, userId,
        providerUserId, attributes, groups);
  }

  /**
   * Seeds the user as an administrator would create them: with a temporary password, so that the
   * first sign-in answers with a {@code NEW_PASSWORD_REQUIRED} challenge.
   *
   * @param temporary the temporary password
   * @return a changed copy
   */
  public TestUser temporaryPassword(String temporary) {
    return new TestUser(provider, email, password, Objects.requireNonNull(temporary, "temporaryPassword"), confirmed, userId,
        providerUserId, attributes, groups);
  }

  /**
   * Seeds the user as signed up but not confirmed: signing in fails until the code is entered.
   *
   * @return a changed copy
   */
  public TestUser unconfirmed() {
    Map<String, String> changed = new LinkedHashMap<>(attributes);
    changed.put("email_verified", "false");
    return new TestUser(provider, email, password, temporaryPassword, false, userId, providerUserId, changed, groups);
  }

  /**
   * Fixes the user's id (Cognito {@code sub}) instead of a random UUID.
   *
   * @param sub the id
   * @return a changed copy
   */
  public TestUser userId(String sub) {
    return new TestUser(provider, email, password, temporaryPassword, confirmed, Objects.requireNonNull(sub, "userId"),
        providerUserId, attributes, groups);
  }

  IdentityProvider provider() {
    return provider;
  }

  String email() {
    return email;
  }

  String password() {
    return password;
  }

  Optional<String> temporaryPasswordValue() {
    return Optional.ofNullable(temporaryPassword);
  }

  boolean confirmed() {
    return confirmed;
  }

  Optional<String> fixedUserId() {
    return Optional.ofNullable(userId);
  }

  String providerUserId() {
    return providerUserId;
  }

  Map<String, String> attributes() {
    return attributes;
  }

  List<String> groupNames() {
    return groups;
  }

  @Override
  public String toString() {
    return "TestUser[" + provider + " " + email + "]";
  }
}
