package dev.profilekit.aws.dynamodb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a maintenance job needs to know of one item of the profile table: whose it is and what it
 * holds, without the profile's contents. Read by {@link ProfileStore#records(int, String)}.
 *
 * @param userId the item's key: a Cognito {@code sub}, or a reserved key starting with {@code #}
 * @param kind what the item holds
 * @param tombstoneExpiresAt for a {@link Kind#TOMBSTONE}, when it may be removed
 * @param accountDeletedAt for a {@link Kind#TOMBSTONE}, when the account was deleted
 */
public record StoredRecord(String userId, Kind kind, Optional<Instant> tombstoneExpiresAt, Optional<Instant> accountDeletedAt) {

  /** What an item holds. */
  public enum Kind {
    /** A stored profile (possibly with a sign-out record). */
    PROFILE,
    /** Only a sign-out record: the user never stored a profile, or deleted it. */
    SIGN_OUT_RECORD,
    /** A deleted account's tombstone. */
    TOMBSTONE,
    /** ProfileKit's own record under a reserved key (a backfill checkpoint, say). */
    RESERVED
  }

  /** Checks the parts. */
  public StoredRecord {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tombstoneExpiresAt, "tombstoneExpiresAt");
    Objects.requireNonNull(accountDeletedAt, "accountDeletedAt");
  }

  /**
   * One page of records.
   *
   * @param records the records of the page, in table order
   * @param nextPageToken the token of the next page; empty after the last
   */
  public record Page(List<StoredRecord> records, Optional<String> nextPageToken) {

    /** Copies the list. */
    public Page {
      records = List.copyOf(records);
      Objects.requireNonNull(nextPageToken, "nextPageToken");
    }
  }
}
