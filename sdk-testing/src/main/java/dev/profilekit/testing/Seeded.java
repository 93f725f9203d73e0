package dev.profilekit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link ProfileKitExtension} for a {@link SeededUser} parameter: a user seeded into the
 * test's in-memory service. Unset values get provider-shaped defaults from {@link TestUsers}; the
 * email is unique unless given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Seeded {

  /** Which kind of identity to seed. */
  enum Provider {
    /** An email and password user ({@link TestUsers#email(String)}). */
    EMAIL,
    /** A Google user ({@link TestUsers#google(String)}). */
    GOOGLE,
    /** An Apple user sharing their email ({@link TestUsers#apple(String)}). */
    APPLE,
    /** An Apple user behind a private relay address ({@link TestUsers#appleWithPrivateRelay()}). */
    APPLE_PRIVATE_RELAY
  }

  /**
   * The identity provider.
   *
   * @return the provider
   */
  Provider provider() default Provider.EMAIL;

  /**
   * The email; empty for a unique one.
   *
   * @return the email
   */
  String email() default "";

  /**
   * The given name; empty for the provider's default.
   *
   * @return the given name
   */
  String givenName() default "";

  /**
   * The family name; empty for none.
   *
   * @return the family name
   */
  String familyName() default "";

  /**
   * Cognito groups of the user.
   *
   * @return the groups
   */
  String[] groups() default {};
}
