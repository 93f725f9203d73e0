package dev.profilekit.spring;

import dev.profilekit.UserProfileService;
import dev.profilekit.aws.jwt.KeySetFetchListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Micrometer meters for ProfileKit, when the application has a {@link MeterRegistry} (with
 * Actuator, for example): the {@code profilekit.verify} timer of the resource server and the
 * {@code profilekit.profile.read}/{@code write} timers of the service, and the {@code
 * profilekit.jwks.fetch} counter of the starter's {@code CognitoTokenVerifier} (through a {@link
 * KeySetFetchListener} bean). Without Micrometer nothing here loads and nothing is measured.
 *
 * <p>The timed service is the {@link Primary} {@link UserProfileService}: injecting {@code
 * UserProfileService} gives the timed one, injecting the implementation type (such as {@code
 * InMemoryUserProfileService} in tests) gives the service itself.
 */
@AutoConfiguration(
    after = {InMemoryProfileKitAutoConfiguration.class, ProfileKitAutoConfiguration.class},
    afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, UserProfileService.class})
public class ProfileKitMetricsAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public ProfileKitMetricsAutoConfiguration() {}

  /**
   * The meters.
   *
   * @param registry the application's registry
   * @return the meters
   */
  @Bean
  ProfileKitMetrics profileKitMetrics(MeterRegistry registry) {
    return new ProfileKitMetrics(registry);
  }

  /**
   * Counts the verifier's key set fetches as {@code profilekit.jwks.fetch}; the starter's {@code
   * CognitoTokenVerifier} bean is built with it.
   *
   * @param metrics the meters
   * @return the listener
   */
  @Bean
  KeySetFetchListener profileKitKeySetFetchCounter(ProfileKitMetrics metrics) {
    return metrics::keySetFetched;
  }

  /**
   * The timed service.
   *
   * @param service the service it times (the one bean of the application's that is not this one)
   * @param metrics the meters
   * @return the timed service
   */
  @Bean
  @Primary
  UserProfileService profileKitMeteredUserProfileService(UserProfileService service, ProfileKitMetrics metrics) {
    return MeteredUserProfileService.wrap(service, metrics);
  }
}
