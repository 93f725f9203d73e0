package dev.profilekit.examples;

import dev.profilekit.IdentityProvider;
import dev.profilekit.UserProfileService;
import java.util.List;
import java.util.Optional;
import dev.profilekit.VerifiedUser;

/**
 * What differs between the backends an example runs on: the service itself, where a confirmation
 * code comes from, and whether federated (Google, Apple) users can be created without a browser.
 *
 * <p>The examples' logic is written once against {@link UserProfileService}; only this small
 * interface has one implementation per {@link Backend}. Closing the environment closes the service
 * and stops whatever the environment started (the emulators).
 */
public interface ExampleEnvironment extends AutoCloseable {

  /**
   * Returns which backend this is.
   *
   * @return the backend
   */
  Backend backend();

  /**
   * Returns the service the examples use.
   *
   * @return the service
   */
  UserProfileService service();

  /**
   * Returns the email the demo signs up with: a fixed address on local backends, a mailbox the
   * developer controls on AWS (the confirmation code is really sent there).
   *
   * @return the email
   */
  String demoEmail();

  /**
   * Returns the confirmation code that was sent to {@code email} after sign-up, as the user would
   * read it from their mailbox: taken from the in-memory service, the emulator's fixed code, or
   * typed in by the developer on AWS.
   *
   * @param email the email the user signed up with
   * @return the code; a secret, never printed
   */
  String confirmationCode(String email);

  /**
   * Creates a user who signed in with {@code provider} and has provider-shaped attributes (a
   * Google picture, an Apple private-relay email), or says why this backend cannot.
   *
   * @param provider {@link IdentityProvider#GOOGLE} or {@link IdentityProvider#APPLE}
   * @return the seeded user, or the reason there is none
   */
  FederatedUser federatedUser(IdentityProvider provider);

  /**
   * Returns what differs on this backend from AWS, for the end of an example's output.
   *
   * @return one line per difference; empty by default
   */
  default List<String> notes() {
    return List.of();
  }

  /** Closes the service and stops anything the environment started. */
  @Override
  void close();

  /**
   * A federated user created for an example, or why none could be created on this backend.
   *
   * @param provider the identity provider
   * @param user the seeded user, signed in and verified, if the backend could create one
   * @param note how the user was created, or why there is none; one short phrase for the output
   */
  record FederatedUser(IdentityProvider provider, Optional<VerifiedUser> user, String note) {

    /**
     * Returns a seeded user.
     *
     * @param provider the identity provider
     * @param user the verified user
     * @param how how the user was created, for the output
     * @return the result
     */
    public static FederatedUser seeded(IdentityProvider provider, VerifiedUser user, String how) {
      return new FederatedUser(provider, Optional.of(user), how);
    }

    /**
     * Returns the explanation of why no user could be seeded.
     *
     * @param provider the identity provider
     * @param note why, in one line
     * @return the result
     */
    public static FederatedUser unavailable(IdentityProvider provider, String note) {
      return new FederatedUser(provider, Optional.empty(), note);
    }
  }
}
