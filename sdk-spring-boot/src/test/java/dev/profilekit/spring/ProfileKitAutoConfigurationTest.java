package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.testing.InMemoryUserProfileService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Which beans the starter defines for which settings and classpaths (no web server, no AWS calls). */
class ProfileKitAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          InMemoryProfileKitAutoConfiguration.class, ProfileKitAutoConfiguration.class,
          ProfileKitMetricsAutoConfiguration.class, ProfileKitHealthAutoConfiguration.class))
      .withPropertyValues(
          "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id=app-client", "profilekit.table-name=profiles");

  @Test
  void theAwsBackendBuildsServiceVerifierAndClientsFromTheThreeProperties() {
    runner.withPropertyValues("profilekit.backend=aws").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(AwsUserProfileService.class).doesNotHaveBean(InMemoryUserProfileService.class);
      assertThat(context.getBean(CognitoTokenVerifier.class).toString())
          .contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
      assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
      assertThat(context.getBean(UserProfileService.class).toString()).contains("table=profiles");
      assertThat(context).hasSingleBean(ProfileKitHealthIndicator.class);
    });
  }

  @Test
  void refreshTokenRotationIsOffByDefaultAndOnWithItsPropertyOnBothBackends() {
    runner.withPropertyValues("profilekit.backend=aws").run(context ->
        assertThat(context.getBean(AwsUserProfileService.class).toString()).doesNotContain("refreshTokenRotation"));
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.refresh-token-rotation=true").run(context ->
        assertThat(context.getBean(AwsUserProfileService.class).toString()).contains("refreshTokenRotation"));
    runner.withPropertyValues("profilekit.backend=in-memory", "profilekit.refresh-token-rotation=true").run(context ->
        assertThat(context.getBean(InMemoryUserProfileService.class).settings().refreshTokenRotation()).isTrue());
    runner.withPropertyValues("profilekit.backend=in-memory").run(context ->
        assertThat(context.getBean(InMemoryUserProfileService.class).settings().refreshTokenRotation()).isFalse());
  }

  @Test
  void aMissingPropertyStopsStartupNamingIt() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProfileKitAutoConfiguration.class))
        .withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id=app-client")
        .run(context -> assertThat(context).getFailure().rootCause().hasMessage("Invalid profilekit.table-name: required (set profilekit.table-name)"));
  }

  @Test
  void aPoolIdWithoutRegionNeedsTheRegionProperty() {
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=local_1234")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("Invalid profilekit.region: required"));
  }

  @Test
  void theApplicationsOwnClientIsUsed() {
    DynamoDbClient own = DynamoDbClient.builder().region(Region.AP_SOUTHEAST_2).build();
    runner.withPropertyValues("profilekit.backend=aws").withBean(DynamoDbClient.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(DynamoDbClient.class)).isSameAs(own);
    });
  }

  @Test
  void theApplicationsOwnServiceReplacesTheStarters() {
    InMemoryUserProfileService own = InMemoryUserProfileService.create();
    runner.withPropertyValues("profilekit.backend=aws").withBean(UserProfileService.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(AwsUserProfileService.class).doesNotHaveBean(DynamoDbClient.class);
      assertThat(context.getBean(UserProfileService.class)).isSameAs(own);
    });
  }

  @Test
  void autoIsInMemoryInTestsAndAwsWithoutSpringBootTest() {
    runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(InMemoryUserProfileService.class)
        .doesNotHaveBean(AwsUserProfileService.class));
    runner.withClassLoader(new FilteredClassLoader(SpringBootTest.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(AwsUserProfileService.class).doesNotHaveBean(InMemoryUserProfileService.class));
  }

  @Test
  void inMemoryWithoutProfileKitTestingStopsStartupSayingWhatIsMissing() {
    runner.withPropertyValues("profilekit.backend=in-memory")
        .withClassLoader(new FilteredClassLoader(InMemoryUserProfileService.class))
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("needs dev.profilekit:profilekit-testing on the classpath"));
  }

  @Test
  void anUnknownBackendStopsStartup() {
    runner.withPropertyValues("profilekit.backend=cloud")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("Invalid profilekit.backend: format (must be auto, aws or in-memory)"));
  }

  @Test
  void withAMeterRegistryTheServiceIsTimedAndTheFakeStaysInjectable() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(MeteredUserProfileService.delegateOf(context.getBean(UserProfileService.class)))
          .isSameAs(context.getBean(InMemoryUserProfileService.class));
      assertThat(context).hasSingleBean(InMemoryUserProfileService.class);
    });
  }

  @Test
  void withoutMicrometerNothingIsTimedAndNothingFails() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(ProfileKitMetrics.class);
      assertThat(context.getBean(UserProfileService.class)).isInstanceOf(InMemoryUserProfileService.class);
    });
  }
}
