package dev.profilekit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class (or method) whose tests each get a fresh {@link
 * InMemoryUserProfileService}, injected as a parameter along with its {@link TestTokens}, its
 * {@link TestClock}, its admin view, and users seeded with {@link Seeded}.
 *
 * <pre>{@code
 * @ProfileKitTest(adminOnlyCustomFields = "creditBalance")
 * class GreetingTest {
 *   @Test
 *   void greetsByGivenName(UserProfileService profiles, @Seeded(provider = Seeded.Provider.GOOGLE, givenName = "Ada") SeededUser ada) {
 *     assertThat(profiles.getProfile(ada.verifiedUser()).givenName()).contains("Ada");
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ProfileKitExtension.class)
public @interface ProfileKitTest {

  /**
   * Custom fields the service's policy makes admin-only.
   *
   * @return the field names
   */
  String[] adminOnlyCustomFields() default {};

  /**
   * A code every confirmation and reset sends; empty for random codes.
   *
   * @return the fixed code
   */
  String fixedConfirmationCode() default "";
}
