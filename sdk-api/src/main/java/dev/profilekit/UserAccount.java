package dev.profilekit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user as the user pool holds them, for administrators ({@link ProfileAdmin#getUser(String)}):
 * status, whether they may sign in, groups and attributes. The profile is separate ({@link
 * ProfileAdmin#getProfile(String)}).
 */
@Value.Immutable
public abstract class UserAccount {

  UserAccount() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user's id (Cognito {@code sub}).
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * The user pool's username (the {@code sub} in pools that sign in by email, {@code Google_...}
   * for federated users).
   *
   * @return the username
   */
  public abstract String username();

  /**
   * The email attribute.
   *
   * @return the email
   */
  public abstract Optional<String> email();

  /**
   * Whether the email is verified.
   *
   * @return {@code email_verified}
   */
  public abstract boolean emailVerified();

  /**
   * Whether the user may sign in ({@link ProfileAdmin#disableUser(String)} makes it false).
   *
   * @return true when enabled
   */
  public abstract boolean enabled();

  /**
   * The account's status.
   *
   * @return the status
   */
  public abstract AccountStatus status();

  /**
   * The groups the user belongs to, as {@code cognito:groups} of their next tokens lists them.
   *
   * @return the group names, never null
   */
  public abstract List<String> groups();

  /**
   * Every attribute by its Cognito name ({@code sub}, {@code email}, {@code custom:...}).
   *
   * @return the attributes, never null
   */
  public abstract Map<String, String> attributes();

  /**
   * When the user was created.
   *
   * @return the instant, when the user pool says
   */
  public abstract Optional<Instant> createdAt();

  /** Builds a {@link UserAccount}. */
  public static final class Builder extends ImmutableUserAccount.Builder {
    Builder() {}
  }
}
