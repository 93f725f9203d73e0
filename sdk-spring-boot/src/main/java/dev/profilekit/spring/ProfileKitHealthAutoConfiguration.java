package dev.profilekit.spring;

import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.TokenRevocations;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code profileKit} health indicator ({@code /actuator/health/profileKit} with Actuator), on
 * the AWS backend. The in-memory service has nothing that could be down, so it gets none.
 */
@AutoConfiguration(after = ProfileKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({CognitoTokenVerifier.class, TokenRevocations.class})
public class ProfileKitHealthAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public ProfileKitHealthAutoConfiguration() {}

  /**
   * The indicator.
   *
   * @param verifier the verifier
   * @param revocations the profile table's sign-out records
   * @param properties the settings
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "profileKitHealthIndicator")
  public ProfileKitHealthIndicator profileKitHealthIndicator(
      CognitoTokenVerifier verifier, TokenRevocations revocations, ProfileKitProperties properties) {
    return new ProfileKitHealthIndicator(verifier, revocations, properties.getTableName());
  }
}
