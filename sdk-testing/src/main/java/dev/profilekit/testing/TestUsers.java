package dev.profilekit.testing;

import dev.profilekit.IdentityProvider;
import dev.profilekit.testing.internal.Secrets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Starting points for {@link TestUser} fixtures, shaped like what each identity provider really
 * sends: email users have only what they typed, Google users a verified email, names and a
 * picture, Apple users a verified (often private relay) email and no picture.
 *
 * <pre>{@code
 * fake.seed(TestUsers.email("ada@example.com").givenName("Ada"));
 * fake.seed(TestUsers.google("grace@example.com").name("Grace Hopper"));
 * fake.seed(TestUsers.appleWithPrivateRelay());
 * }</pre>
 */
public final class TestUsers {

  /** The password of seeded email users unless another is set; it meets Cognito's default policy. */
  public static final String DEFAULT_PASSWORD = "Corr3ct-Horse!";

  private TestUsers() {}

  /**
   * An email and password user, confirmed, with a verified email.
   *
   * @param email the email, also the username
   * @return the fixture
   */
  public static TestUser email(String email) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", requireEmail(email));
    attributes.put("email_verified", "true");
    return new TestUser(IdentityProvider.COGNITO, email, null, attributes);
  }

  /**
   * A Google user: verified email, a name derived from the email unless set, and a Google-hosted
   * picture.
   *
   * @param email the Google account's email
   * @return the fixture
   */
  public static TestUser google(String email) {
    String googleId = "1" + String.format(Locale.ROOT, "%020d", Secrets.randomLong(100_000_000_000_000_000L));
    String given = capitalise(requireEmail(email).substring(0, email.indexOf('@')));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", email);
    attributes.put("email_verified", "true");
    attributes.put("name", given);
    attributes.put("given_name", given);
    attributes.put("picture", "https://lh3.googleusercontent.com/a/" + Secrets.randomToken(12) + "=s96-c");
    return new TestUser(IdentityProvider.GOOGLE, email, googleId, attributes);
  }

  /**
   * An Apple user who shared their real email; Apple sends no picture, and a name only if set.
   *
   * @param email the Apple ID's email
   * @return the fixture
   */
  public static TestUser apple(String email) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("email", requireEmail(email));
    attributes.put("email_verified", "true");
    return new TestUser(IdentityProvider.APPLE, email, appleUserId(), attributes);
  }

  /**
   * An Apple user who chose "Hide My Email": a random {@code privaterelay.appleid.com} address.
   *
   * @return the fixture
   */
  public static TestUser appleWithPrivateRelay() {
    String relay = Secrets.randomToken(8).toLowerCase(Locale.ROOT).replace('-', 'x').replace('_', 'y') + "@privaterelay.appleid.com";
    return apple(relay);
  }

  private static String appleUserId() {
    // Apple's stable user ids look like 001234.0123456789abcdef0123456789abcdef.0123.
    return String.format(Locale.ROOT, "%06d.%s.%04d", Secrets.randomLong(1_000_000),
        Secrets.randomDigits(32), Secrets.randomLong(10_000));
  }

  private static String requireEmail(String email) {
    Objects.requireNonNull(email, "email");
    int at = email.indexOf('@');
    if (at < 1 || at == email.length() - 1) {
      throw new IllegalArgumentException("a test user's email looks like name@example.com");
    }
    return email;
  }

  private static String capitalise(String localPart) {
    String letters = localPart.split("[^\\p{L}]", 2)[0];
    if (letters.isEmpty()) {
      return "User";
    }
    return letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1);
  }
}
