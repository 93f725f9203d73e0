package dev.profilekit;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * A user's data as one JSON document: what the user pool holds of them (username, attributes and,
 * in an administrator's export, status, groups) and their stored profile, every field with its JSON
 * type. Returned by {@link UserProfileService#exportAccount(AuthSession)} (the user's own export)
 * and {@link ProfileAdmin#exportUser(String)} (an administrator's).
 *
 * <p>The document's format is {@value #FORMAT}, version {@value #VERSION}, described member by
 * member in {@code docs/account-lifecycle.md}; both implementations write it with the same code,
 * so the same data gives the same text. It never holds a password, token, code or secret. It does
 * hold personal data, so {@link #toString()} masks it: send it to the user, do not log it.
 */
@Value.Immutable
public abstract class AccountExport {

  /** The {@code format} member of every export. */
  public static final String FORMAT = "profilekit.account-export";

  /** The {@code version} member of exports of this format written by this ProfileKit. */
  public static final int VERSION = 1;

  AccountExport() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The user's id (Cognito {@code sub}), the document's {@code userId}.
   *
   * @return the user id
   */
  public abstract String userId();

  /**
   * When the export was made, the document's {@code exportedAt}.
   *
   * @return the instant
   */
  public abstract Instant exportedAt();

  /**
   * Whether the user had a stored profile (the document's {@code profile} is then an object, else
   * {@code null}).
   *
   * @return true when a profile was stored
   */
  public abstract boolean hasStoredProfile();

  /**
   * The document: one JSON object, without white space; send it as {@code application/json} in
   * UTF-8 (the text has no unpaired surrogate, so it encodes without loss).
   *
   * @return the JSON text
   */
  @Value.Redacted
  public abstract String json();

  /** Builds an {@link AccountExport}; every value is required. */
  public static final class Builder extends ImmutableAccountExport.Builder {
    Builder() {}
  }
}
