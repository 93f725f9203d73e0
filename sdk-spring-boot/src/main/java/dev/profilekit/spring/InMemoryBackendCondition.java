package dev.profilekit.spring;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.spring.ProfileKitProperties.Backend;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when the in-memory service backs the application: {@code profilekit.backend=in-memory},
 * or {@code auto} (the default) with both {@code profilekit-testing} and {@code spring-boot-test}
 * on the classpath. Requiring both keeps a stray {@code profilekit-testing} in a production jar
 * from replacing AWS: {@code spring-boot-test} is a test dependency.
 */
class InMemoryBackendCondition extends SpringBootCondition {

  static final String FAKE = "dev.profilekit.testing.InMemoryUserProfileService";
  static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTest";
  /** {@code RequestChecks.CONSISTENT}'s value: settings that cannot hold together. */
  static final String CONSISTENT = "consistent";
  /** {@code RequestChecks.FORMAT}'s value: a value that is not one the setting takes. */
  static final String FORMAT = "format";

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Backend backend = backend(context);
    boolean fake = ClassUtils.isPresent(FAKE, context.getClassLoader());
    switch (backend) {
      case IN_MEMORY:
        if (!fake) {
          throw new InvalidRequestException(
              "profilekit.backend", CONSISTENT, "profilekit.backend=in-memory needs dev.profilekit:profilekit-testing on the classpath");
        }
        return ConditionOutcome.match("profilekit.backend=in-memory");
      case AWS:
        return ConditionOutcome.noMatch("profilekit.backend=aws");
      default:
        boolean test = ClassUtils.isPresent(SPRING_BOOT_TEST, context.getClassLoader());
        return fake && test
            ? ConditionOutcome.match("profilekit-testing and spring-boot-test are on the classpath")
            : ConditionOutcome.noMatch("profilekit-testing or spring-boot-test is not on the classpath");
    }
  }

  static Backend backend(ConditionContext context) {
    String value = context.getEnvironment().getProperty("profilekit.backend", "auto");
    try {
      return Backend.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("profilekit.backend", FORMAT, "must be auto, aws or in-memory");
    }
  }
}
