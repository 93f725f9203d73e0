package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.RequestChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import dev.profilekit.testing.InMemoryUserProfileService;

/**
 * A bad {@code profilekit.*} property stops start-up with an {@link InvalidRequestException} whose
 * field is the property and whose rule is one of ProfileKit's rule names, and Spring Boot's failure
 * report says which property (or environment variable) to set.
 */
class PropertyErrorsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(InMemoryProfileKitAutoConfiguration.class, ProfileKitAutoConfiguration.class));

  private static void refused(Throwable failure, String field, String rule) {
    assertThat(failure).rootCause().isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).isEqualTo(rule);
    });
  }

  @Test
  void theStartersRuleNamesAreProfileKits() {
    assertThat(ProfileKitProperties.REQUIRED).isEqualTo(RequestChecks.REQUIRED);
    assertThat(InMemoryBackendCondition.CONSISTENT).isEqualTo(RequestChecks.CONSISTENT);
    assertThat(InMemoryBackendCondition.FORMAT).isEqualTo(RequestChecks.FORMAT);
  }

  @Test
  void eachMissingPropertyIsNamedOnAws() {
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id=app")
        .run(context -> refused(context.getStartupFailure(), "profilekit.table-name", "required"));
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.table-name=profiles")
        .run(context -> refused(context.getStartupFailure(), "profilekit.client-id", "required"));
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.client-id=app", "profilekit.table-name=profiles")
        .run(context -> refused(context.getStartupFailure(), "profilekit.user-pool-id", "required"));
  }

  @Test
  void aBlankPropertyIsMissing() {
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id= ",
            "profilekit.table-name=profiles")
        .run(context -> refused(context.getStartupFailure(), "profilekit.client-id", "required"));
  }

  @Test
  void theFakeNeedsThePoolAndTheClientToo() {
    runner.withPropertyValues("profilekit.backend=in-memory", "profilekit.user-pool-id=eu-west-1_AbCdEf123")
        .run(context -> refused(context.getStartupFailure(), "profilekit.client-id", "required"));
    runner.withPropertyValues("profilekit.backend=in-memory", "profilekit.client-id=app")
        .run(context -> refused(context.getStartupFailure(), "profilekit.user-pool-id", "required"));
  }

  @Test
  void aPoolIdWithoutARegionNeedsProfileKitRegionOrIssuer() {
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=local_1234", "profilekit.client-id=app",
            "profilekit.table-name=profiles")
        .run(context -> {
          refused(context.getStartupFailure(), "profilekit.region", "required");
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("set profilekit.region");
        });
    runner.withPropertyValues("profilekit.backend=aws", "profilekit.user-pool-id=local_1234", "profilekit.client-id=app",
            "profilekit.table-name=profiles", "profilekit.region=eu-west-1", "profilekit.issuer=http://127.0.0.1:9229/local_1234")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void backendErrorsNameTheBackendProperty() {
    runner.withPropertyValues("profilekit.backend=cloud", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id=app")
        .run(context -> refused(context.getStartupFailure(), "profilekit.backend", "format"));
    runner.withPropertyValues("profilekit.backend=in-memory", "profilekit.user-pool-id=eu-west-1_AbCdEf123", "profilekit.client-id=app")
        .withClassLoader(new FilteredClassLoader(InMemoryUserProfileService.class))
        .run(context -> {
          refused(context.getStartupFailure(), "profilekit.backend", "consistent");
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("needs dev.profilekit:profilekit-testing on the classpath");
        });
  }

  @Test
  void theFailureReportSaysWhichPropertyAndVariableToSet() {
    BeanCreationException failure = new BeanCreationException("userProfileService",
        new InvalidRequestException("profilekit.table-name", RequestChecks.REQUIRED, "set profilekit.table-name"));

    FailureAnalysis analysis = new PropertyFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription()).contains("profilekit.table-name").contains("required");
    assertThat(analysis.getAction()).contains("Set profilekit.table-name").contains("PROFILEKIT_TABLE_NAME");
    assertThat(new PropertyFailureAnalyzer().analyze(new InvalidRequestException("email", RequestChecks.FORMAT, "not an email")))
        .as("not a property: Spring's default report").isNull();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aStartWithoutTheTableNameReportsWhatToSetInsteadOfAStackTrace(CapturedOutput output) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ProfileKitAutoConfiguration.class)
        .web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off", "profilekit.backend=aws", "profilekit.user-pool-id=eu-west-1_AbCdEf123",
            "profilekit.client-id=app");

    assertThatThrownBy(application::run).rootCause().isInstanceOf(InvalidRequestException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("ProfileKit cannot start: Invalid profilekit.table-name: required")
        .contains("environment variable PROFILEKIT_TABLE_NAME");
  }
}
