package dev.profilekit.examples;

import dev.profilekit.AuthSession;
import dev.profilekit.IdentityProvider;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.UserProfileService;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestUser;
import dev.profilekit.testing.TestUsers;
import java.net.URI;

/**
 * The in-memory backend: {@link InMemoryUserProfileService} from {@code profilekit-testing}, which
 * issues real RS256 tokens, keeps confirmation codes in a readable "mailbox", and plays the hosted
 * UI so federated sign-in works without a browser.
 */
public final class InMemoryExampleEnvironment implements ExampleEnvironment {

  /** Where the in-memory hosted UI "redirects" back to; any URI works, nothing listens on it. */
  private static final URI REDIRECT_URI = URI.create("https://app.example.com/auth/callback");

  private final InMemoryUserProfileService service = InMemoryUserProfileService.create();

  /**
   * Creates a fresh, empty in-memory service.
   *
   * @return the environment
   */
  public static InMemoryExampleEnvironment create() {
    return new InMemoryExampleEnvironment();
  }

  private InMemoryExampleEnvironment() {}

  @Override
  public Backend backend() {
    return Backend.IN_MEMORY;
  }

  @Override
  public UserProfileService service() {
    return service;
  }

  @Override
  public String demoEmail() {
    return "ada@example.com";
  }

  @Override
  public String confirmationCode(String email) {
    return service.lastConfirmationCode(email)
        .orElseThrow(() -> new IllegalStateException("no confirmation code was sent to that address"));
  }

  /**
   * Seeds the user with the fixtures, then signs them in through the same calls an application
   * makes ({@code federatedSignIn}, then {@code completeFederatedSignIn} with the callback), with
   * the in-memory service playing the browser and the provider in between.
   */
  @Override
  public FederatedUser federatedUser(IdentityProvider provider) {
    TestUser fixture;
    if (provider.equals(IdentityProvider.GOOGLE)) {
      fixture = TestUsers.google("grace@gmail.com").name("Grace Hopper").givenName("Grace").familyName("Hopper");
    } else if (provider.equals(IdentityProvider.APPLE)) {
      // Apple sends a name only at the first sign-in, and many users hide their email.
      fixture = TestUsers.appleWithPrivateRelay().givenName("Alan").familyName("Turing");
    } else {
      return FederatedUser.unavailable(provider, "the demo seeds Google and Apple users only");
    }
    SeededUser seeded = service.seed(fixture);
    PendingFederatedSignIn pending = service.federatedSignIn(provider, REDIRECT_URI);
    AuthSession session = service.completeFederatedSignIn(pending, service.federatedCallbackFor(pending, seeded));
    return FederatedUser.seeded(provider, session.user(), "hosted UI played by the in-memory service");
  }

  @Override
  public void close() {
    service.close();
  }
}
