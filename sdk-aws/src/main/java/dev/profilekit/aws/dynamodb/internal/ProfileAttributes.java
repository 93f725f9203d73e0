package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.internal.ProfileItemNames;
import java.util.List;

/**
 * The attribute names of a profile item in the profile table: the storage format shared by
 * {@link ProfileStore}, the backfill job and anyone reading the table directly.
 *
 * <p>One item per user, partition key {@value #USER_ID}. A <em>profile</em> item always has
 * {@value #VERSION} (1 or more), {@value #PREFERENCES} and {@value #CUSTOM_FIELDS} (maps, possibly
 * empty, so that a patch can set one entry by its nested path). An item without {@value #VERSION}
 * holds only revocation records ({@value #TOKENS_VALID_AFTER}, {@value #REVOKED_SESSIONS}) and
 * reads as "no stored profile".
 *
 * <p>A deleted account's item is a <em>tombstone</em>: {@value #USER_ID}, {@value
 * #ACCOUNT_DELETED_AT} and {@value #EXPIRES_AT}, nothing else. It rejects every token of the user
 * and no profile can be created on it; it may be removed from {@value #EXPIRES_AT} on (by DynamoDB
 * TTL on that attribute, or by the reconcile job).
 */
public final class ProfileAttributes {

  /** Partition key, string: the Cognito {@code sub}. */
  public static final String USER_ID = ProfileItemNames.USER_ID;
  /** Number: incremented by every write; absent on an item that holds no profile. */
  public static final String VERSION = ProfileItemNames.VERSION;
  /** String. */
  public static final String EMAIL = ProfileItemNames.EMAIL;
  /** Boolean. */
  public static final String EMAIL_VERIFIED = ProfileItemNames.EMAIL_VERIFIED;
  /** Map of preference name to typed value. */
  public static final String PREFERENCES = ProfileItemNames.PREFERENCES;
  /** Map of custom field name to typed value. */
  public static final String CUSTOM_FIELDS = ProfileItemNames.CUSTOM_FIELDS;
  /** Map: {@code plan}, {@code status}, {@code currentPeriodEnd}, {@code externalCustomerId}. */
  public static final String SUBSCRIPTION = ProfileItemNames.SUBSCRIPTION;
  /** List of maps: {@code kind}, {@code name}, {@code providerUserId}, {@code linkedAt}. */
  public static final String LINKED_IDENTITIES = ProfileItemNames.LINKED_IDENTITIES;
  /** String, ISO-8601 instant. */
  public static final String CREATED_AT = ProfileItemNames.CREATED_AT;
  /** String, ISO-8601 instant. */
  public static final String UPDATED_AT = ProfileItemNames.UPDATED_AT;
  /**
   * Number, epoch milliseconds: tokens issued before this instant are rejected (the user signed
   * out everywhere). Kept on the profile item so that one {@code GetItem} serves both the profile
   * and the revocation check; survives {@link ProfileStore#delete(String)}.
   */
  public static final String TOKENS_VALID_AFTER = "tokensValidAfter";

  /**
   * Map of {@code origin_jti} to a number, epoch seconds: the sessions signed out one by one
   * ({@code signOut}), each until no token of it can verify any more; the ID and access tokens of a
   * listed session are rejected. Expired entries are dropped by the next sign-out's write. Kept on
   * the profile item, like {@value #TOKENS_VALID_AFTER}, so one {@code GetItem} reads every
   * revocation with the profile, and survives {@link ProfileStore#delete(String)}; an item that
   * holds nothing else gets {@value #EXPIRES_AT}, the latest of its entries, so that DynamoDB's
   * time to live removes it.
   */
  public static final String REVOKED_SESSIONS = "revokedSessions";

  /**
   * Number, epoch milliseconds: when the account was deleted. Only on a tombstone; while it is
   * there every token of the user is rejected.
   */
  public static final String ACCOUNT_DELETED_AT = "accountDeletedAt";
  /**
   * Number, epoch seconds (the format of DynamoDB's time to live): when the item may go. Only on a
   * tombstone and on an item holding nothing but {@value #REVOKED_SESSIONS}; never on an item with
   * a profile or {@value #TOKENS_VALID_AFTER} (writes that add those remove it). {@code
   * ProfileTableSetup} enables TTL on this attribute, so DynamoDB removes such items, lazily (AWS
   * says within a few days): readers never rely on that.
   */
  public static final String EXPIRES_AT = "expiresAt";

  /**
   * Every attribute that belongs to the profile, that is all but {@value #USER_ID}, {@value
   * #TOKENS_VALID_AFTER} and {@value #REVOKED_SESSIONS}; removing these turns a profile item back
   * into "no stored profile".
   */
  public static final List<String> PROFILE_ATTRIBUTES = List.of(
      VERSION, EMAIL, EMAIL_VERIFIED, "displayName", "givenName", "familyName", "avatarUrl", "locale", "zoneinfo",
      PREFERENCES, CUSTOM_FIELDS, SUBSCRIPTION, LINKED_IDENTITIES, CREATED_AT, UPDATED_AT);

  private ProfileAttributes() {}
}
