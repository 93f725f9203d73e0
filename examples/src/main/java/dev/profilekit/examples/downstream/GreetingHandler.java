package dev.profilekit.examples.downstream;

import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import java.util.Objects;

/**
 * A consumer's handler that reads the signed-in user's profile: it greets them by the name they
 * chose, falling back to what their identity provider said, then to a neutral greeting.
 */
public final class GreetingHandler {

  private final UserProfileService profiles;

  /**
   * Creates the handler.
   *
   * @param profiles the ProfileKit service (the in-memory one in tests)
   */
  public GreetingHandler(UserProfileService profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
  }

  /**
   * Greets the user the request's bearer token speaks for.
   *
   * @param authorizationHeader the request's {@code Authorization} header, such as {@code Bearer eyJ...}
   * @return the greeting, such as {@code Hello, Ada!}
   * @throws NotAuthenticatedException if the header is missing or the token is rejected
   */
  public String greet(String authorizationHeader) {
    VerifiedUser user = BearerTokens.verify(profiles, authorizationHeader);
    UserProfile profile = profiles.getProfile(user);
    String name = profile.displayName().or(profile::givenName).orElse("there");
    String greeting = "Hello, " + name + "!";
    // Private relay addresses forward mail, but showing one as "your email" confuses people.
    if (profile.email().isPresent() && !profile.emailIsPrivateRelay()) {
      greeting += " We will write to " + profile.email().get() + ".";
    }
    return greeting;
  }
}
