package dev.profilekit.testing;

import dev.profilekit.AuthSession;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.internal.TokenSubject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user living in an {@link InMemoryUserProfileService}, returned by {@link
 * InMemoryUserProfileService#seed(TestUser)}: sign in as them, or mint tokens for them.
 *
 * <p>Immutable; the attributes are those the user was seeded with.
 */
public final class SeededUser {

  private final InMemoryUserProfileService service;
  private final TokenSubject subject;
  private final IdentityProvider provider;
  private final String email;
  private final String password;

  SeededUser(InMemoryUserProfileService service, TokenSubject subject, IdentityProvider provider, String email, String password) {
    this.service = service;
    this.subject = subject;
    this.provider = provider;
    this.email = email;
    this.password = password;
  }

  /**
   * Returns the user's id (the Cognito {@code sub}).
   *
   * @return the user id
   */
  public String userId() {
    return subject.userId();
  }

  /**
   * Returns the Cognito username: the email for email users, {@code Google_<id>} or {@code
   * SignInWithApple_<id>} for federated ones.
   *
   * @return the username
   */
  public String username() {
    return subject.username();
  }

  /**
   * Returns the email.
   *
   * @return the email
   */
  public String email() {
    return email;
  }

  /**
   * Returns the password of an email user (the permanent one, not a temporary one); empty for
   * federated users, who have none.
   *
   * @return the password
   */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /**
   * Returns who authenticates the user.
   *
   * @return the identity provider
   */
  public IdentityProvider provider() {
    return provider;
  }

  /**
   * Returns the attributes the user was seeded with, by Cognito name.
   *
   * @return the attributes
   */
  public Map<String, String> attributes() {
    return subject.attributes();
  }

  /**
   * Returns the user's groups.
   *
   * @return the groups
   */
  public List<String> groups() {
    return subject.groups();
  }

  /**
   * Returns the user's external identities (empty for email users).
   *
   * @return the identities
   */
  public List<LinkedIdentity> linkedIdentities() {
    return subject.identities();
  }

  /**
   * Signs the user in and returns a fresh session, as if they had completed whatever sign-in
   * their provider needs (no challenge, no password check).
   *
   * @return the session
   */
  public AuthSession signIn() {
    return service.signInAs(this);
  }

  /**
   * Signs the user in and returns who the ID token speaks for.
   *
   * @return the verified user
   */
  public VerifiedUser verifiedUser() {
    return signIn().user();
  }

  TokenSubject subject() {
    return subject;
  }

  @Override
  public String toString() {
    return "SeededUser[" + provider + " " + subject.userId() + "]";
  }
}
