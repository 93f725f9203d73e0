package dev.profilekit.testing.internal;

import dev.profilekit.AccountStatus;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.UserAccount;
import dev.profilekit.testing.internal.PasswordHasher.PasswordHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One user of the in-memory user pool, immutable; the directory replaces it on every change.
 *
 * @param userId the {@code sub}
 * @param username the username ({@code Google_123} for federated users)
 * @param attributes the attributes by Cognito name
 * @param passwordHash the password's hash, or null for federated users
 * @param confirmed whether the sign-up was confirmed
 * @param mustChangePassword whether the password is a temporary one
 * @param provider who authenticates the user
 * @param identities the linked external identities
 * @param groups the Cognito groups
 * @param createdAt when the user was created
 * @param confirmationCode the pending sign-up code, or null
 * @param resetCode the pending password reset code, or null
 * @param enabled whether the user may sign in (false once an administrator disabled them)
 * @param passwordResetRequired whether an administrator forced a password reset not completed yet
 */
public record UserRecord(
    String userId,
    String username,
    Map<String, String> attributes,
    PasswordHash passwordHash,
    boolean confirmed,
    boolean mustChangePassword,
    IdentityProvider provider,
    List<LinkedIdentity> identities,
    List<String> groups,
    Instant createdAt,
    IssuedCode confirmationCode,
    IssuedCode resetCode,
    boolean enabled,
    boolean passwordResetRequired) {

  /** Copies the collections. */
  public UserRecord {
    attributes = Map.copyOf(attributes);
    identities = List.copyOf(identities);
    groups = List.copyOf(groups);
  }

  /**
   * A code sent to the user and until when it is accepted.
   *
   * @param code the code
   * @param expiresAt when it stops being accepted
   */
  public record IssuedCode(String code, Instant expiresAt) {
    @Override
    public String toString() {
      return "IssuedCode[****, expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * Returns the email attribute.
   *
   * @return the email, or null
   */
  public String email() {
    return attributes.get("email");
  }

  /**
   * Returns who the tokens of this user speak for.
   *
   * @param authTime when the user authenticated
   * @return the token subject
   */
  public TokenSubject subject(Instant authTime) {
    return new TokenSubject(userId, username, attributes, groups, identities, authTime);
  }

  UserRecord withPassword(PasswordHash hash, boolean temporary) {
    return new UserRecord(userId, username, attributes, hash, confirmed, temporary, provider, identities, groups, createdAt,
        confirmationCode, null, enabled, false);
  }

  UserRecord withConfirmation(IssuedCode code) {
    return new UserRecord(userId, username, attributes, passwordHash, confirmed, mustChangePassword, provider, identities,
        groups, createdAt, code, resetCode, enabled, passwordResetRequired);
  }

  UserRecord withResetCode(IssuedCode code) {
    return new UserRecord(userId, username, attributes, passwordHash, confirmed, mustChangePassword, provider, identities,
        groups, createdAt, confirmationCode, code, enabled, passwordResetRequired);
  }

  UserRecord confirmedWithVerifiedEmail() {
    Map<String, String> verified = new java.util.LinkedHashMap<>(attributes);
    verified.put("email_verified", "true");
    return new UserRecord(userId, username, verified, passwordHash, true, mustChangePassword, provider, identities, groups,
        createdAt, null, resetCode, enabled, passwordResetRequired);
  }

  /** The user with a new, verified email; an email user's username (their email here) goes with it. */
  UserRecord withVerifiedEmail(String newEmail) {
    Map<String, String> changed = new java.util.LinkedHashMap<>(attributes);
    changed.put("email", newEmail);
    changed.put("email_verified", "true");
    String newUsername = username.equalsIgnoreCase(email() == null ? "" : email()) ? newEmail : username;
    return new UserRecord(userId, newUsername, changed, passwordHash, confirmed, mustChangePassword, provider, identities, groups,
        createdAt, confirmationCode, resetCode, enabled, passwordResetRequired);
  }

  UserRecord withEnabled(boolean enabledNow) {
    return new UserRecord(userId, username, attributes, passwordHash, confirmed, mustChangePassword, provider, identities,
        groups, createdAt, confirmationCode, resetCode, enabledNow, passwordResetRequired);
  }

  UserRecord withForcedReset(IssuedCode code) {
    return new UserRecord(userId, username, attributes, passwordHash, confirmed, mustChangePassword, provider, identities,
        groups, createdAt, confirmationCode, code, enabled, true);
  }

  UserRecord withGroups(List<String> newGroups) {
    return new UserRecord(userId, username, attributes, passwordHash, confirmed, mustChangePassword, provider, identities,
        newGroups, createdAt, confirmationCode, resetCode, enabled, passwordResetRequired);
  }

  /**
   * Returns where the account stands, as Cognito's {@code UserStatus} would say.
   *
   * @return the status
   */
  public AccountStatus status() {
    if (provider.kind() != IdentityProvider.Kind.COGNITO) {
      return AccountStatus.EXTERNAL_PROVIDER;
    }
    if (!confirmed) {
      return AccountStatus.UNCONFIRMED;
    }
    if (passwordResetRequired) {
      return AccountStatus.RESET_REQUIRED;
    }
    return mustChangePassword ? AccountStatus.FORCE_CHANGE_PASSWORD : AccountStatus.CONFIRMED;
  }

  /**
   * Returns the user as the admin view shows them.
   *
   * @return the account
   */
  public UserAccount account() {
    Map<String, String> withSub = new java.util.LinkedHashMap<>(attributes);
    withSub.put("sub", userId);
    UserAccount.Builder account = UserAccount.builder()
        .userId(userId)
        .username(username)
        .emailVerified("true".equals(attributes.get("email_verified")))
        .enabled(enabled)
        .status(status())
        .groups(groups)
        .attributes(withSub)
        .createdAt(createdAt);
    if (email() != null) {
      account.email(email());
    }
    return account.build();
  }

  @Override
  public String toString() {
    return "UserRecord[" + userId + ", " + provider + ", confirmed=" + confirmed + "]";
  }
}
