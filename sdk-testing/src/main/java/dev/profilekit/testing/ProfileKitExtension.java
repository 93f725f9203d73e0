package dev.profilekit.testing;

import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that gives every test a fresh {@link InMemoryUserProfileService} on a
 * {@link TestClock}, and injects into test and lifecycle method parameters: the service (as
 * {@code InMemoryUserProfileService} or {@code UserProfileService}), its {@link ProfileAdmin},
 * its {@link TestTokens}, its {@link TestClock}, and {@link Seeded} users.
 *
 * <p>Use it through {@link ProfileKitTest}, or register it yourself to configure the service in
 * code:
 *
 * <pre>{@code
 * @RegisterExtension
 * ProfileKitExtension profileKit = ProfileKitExtension.withPolicy(
 *     ProfilePolicy.builder().adminOnlyCustomField("creditBalance").build());
 * }</pre>
 */
public final class ProfileKitExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProfileKitExtension.class);

  private final ProfilePolicy policy;

  /** Creates the extension with the settings of {@link ProfileKitTest} (defaults without it). */
  public ProfileKitExtension() {
    this(null);
  }

  private ProfileKitExtension(ProfilePolicy policy) {
    this.policy = policy;
  }

  /**
   * Creates the extension with a policy, overriding {@link ProfileKitTest#adminOnlyCustomFields()}.
   *
   * @param policy the policy of every test's service
   * @return the extension
   */
  public static ProfileKitExtension withPolicy(ProfilePolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("policy is missing");
    }
    return new ProfileKitExtension(policy);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == SeededUser.class) {
      return parameter.isAnnotated(Seeded.class);
    }
    return type == InMemoryUserProfileService.class || type == UserProfileService.class || type == ProfileAdmin.class
        || type == TestTokens.class || type == TestClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture fixture = fixture(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == SeededUser.class) {
      return fixture.service.seed(user(parameter.findAnnotation(Seeded.class).orElseThrow()));
    }
    if (type == ProfileAdmin.class) {
      return fixture.service.admin();
    }
    if (type == TestTokens.class) {
      return fixture.service.tokens();
    }
    if (type == TestClock.class) {
      return fixture.clock;
    }
    if (type == InMemoryUserProfileService.class || type == UserProfileService.class) {
      return fixture.service;
    }
    throw new ParameterResolutionException("ProfileKitExtension cannot provide " + type.getName());
  }

  /** One test's service and clock; it holds only memory, so nothing needs closing. */
  private static final class Fixture {
    final TestClock clock;
    final InMemoryUserProfileService service;

    Fixture(TestClock clock, InMemoryUserProfileService service) {
      this.clock = clock;
      this.service = service;
    }
  }

  private Fixture fixture(ExtensionContext context) {
    // Kept in the test method's store: a test and its @BeforeEach methods share one fresh service.
    return context.getStore(NAMESPACE).getOrComputeIfAbsent("fixture", key -> newFixture(context), Fixture.class);
  }

  private Fixture newFixture(ExtensionContext context) {
    Optional<ProfileKitTest> settings = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, ProfileKitTest.class))
        .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, ProfileKitTest.class)));
    ProfilePolicy effective = policy;
    if (effective == null) {
      ProfilePolicy.Builder builder = ProfilePolicy.builder();
      settings.ifPresent(s -> {
        for (String field : s.adminOnlyCustomFields()) {
          builder.adminOnlyCustomField(field);
        }
      });
      effective = settings.isPresent() && settings.get().adminOnlyCustomFields().length > 0 ? builder.build() : ProfilePolicy.defaults();
    }
    TestClock clock = TestClock.startingNow();
    InMemoryServiceSettings.Builder builder = InMemoryUserProfileService.builder().clock(clock).policy(effective);
    settings.map(ProfileKitTest::fixedConfirmationCode).filter(code -> !code.isEmpty()).ifPresent(builder::fixedConfirmationCode);
    return new Fixture(clock, builder.build());
  }

  private static TestUser user(Seeded seeded) {
    String email = seeded.email().isEmpty()
        ? "user+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"
        : seeded.email();
    TestUser user;
    switch (seeded.provider()) {
      case GOOGLE:
        user = TestUsers.google(email);
        break;
      case APPLE:
        user = TestUsers.apple(email);
        break;
      case APPLE_PRIVATE_RELAY:
        user = TestUsers.appleWithPrivateRelay();
        break;
      default:
        user = TestUsers.email(email);
    }
    if (!seeded.givenName().isEmpty()) {
      user = user.givenName(seeded.givenName());
      if (seeded.provider() == Seeded.Provider.GOOGLE) {
        user = user.name(seeded.familyName().isEmpty() ? seeded.givenName() : seeded.givenName() + " " + seeded.familyName());
      }
    }
    if (!seeded.familyName().isEmpty()) {
      user = user.familyName(seeded.familyName());
    }
    return seeded.groups().length > 0 ? user.groups(seeded.groups()) : user;
  }
}
