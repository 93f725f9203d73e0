package dev.profilekit.spring;

import dev.profilekit.UserProfileService;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.TestTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Swaps in {@link InMemoryUserProfileService} (from {@code profilekit-testing}) for tests: with
 * {@code profilekit-testing} and {@code spring-boot-test} on the classpath a {@code
 * @SpringBootTest} needs no AWS, or always with {@code profilekit.backend=in-memory}.
 *
 * <p>The fake issues tokens for the configured pool ({@code profilekit.user-pool-id} or {@code
 * profilekit.issuer}) and client id, so the {@link TestTokens} bean mints tokens the application
 * accepts, and tokens of the real pool are refused.
 */
@AutoConfiguration
@EnableConfigurationProperties(ProfileKitProperties.class)
@ConditionalOnMissingBean(UserProfileService.class)
@Conditional(InMemoryBackendCondition.class)
public class InMemoryProfileKitAutoConfiguration {

  private static final Log LOG = LogFactory.getLog(InMemoryProfileKitAutoConfiguration.class);

  /** Creates the configuration; Spring calls it. */
  public InMemoryProfileKitAutoConfiguration() {}

  /**
   * The in-memory service.
   *
   * @param properties the settings
   * @return the service
   */
  @Bean(destroyMethod = "close")
  public InMemoryUserProfileService userProfileService(ProfileKitProperties properties) {
    // Said once at start-up, so that nobody mistakes a fake for their user pool.
    LOG.info("ProfileKit: the in-memory UserProfileService (profilekit-testing) backs this application context");
    return InMemoryUserProfileService.builder()
        .issuer(properties.resolvedIssuer())
        .clientId(ProfileKitProperties.required("client-id", properties.getClientId()))
        .refreshTokenRotation(properties.isRefreshTokenRotation())
        .build();
  }

  /**
   * The fake's token minter, for the configured pool and client.
   *
   * @param service the in-memory service
   * @return the minter
   */
  @Bean
  @ConditionalOnMissingBean
  public TestTokens profileKitTestTokens(InMemoryUserProfileService service) {
    return service.tokens();
  }
}
