package dev.profilekit.aws.dynamodb.internal;

import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EXPIRES_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.REVOKED_SESSIONS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.TOKENS_VALID_AFTER;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.VERSION;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfilePage;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.VersionConflictException;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.ProfilePages;
import dev.profilekit.internal.ProfilePatch;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.aws.jwt.UserRevocations;
import dev.profilekit.internal.RequestChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Reads and writes profiles in the profile table, one request per operation, never
 * read-modify-write.
 *
 * <ul>
 *   <li>{@link #read(String)}: 1 {@code GetItem} giving the profile and the revocation records;
 *   <li>{@link #update}: 1 {@code UpdateItem} built from the patch, conditional on the stored
 *       version when one is expected; the first write of a user creates the item from the fallback
 *       plus the patch, conditional on no profile being stored;
 *   <li>{@link #delete(String)}: 1 {@code DeleteItem} (2 requests when a sign-out record must be
 *       kept);
 *   <li>{@link #page(int, String)}: 1 {@code Scan}; {@link #stream()}: 1 {@code Scan} per page.
 * </ul>
 *
 * <p>The item format is described by {@link ProfileAttributes}. DynamoDB failures surface as
 * ProfileKit exceptions (see {@link DynamoDbErrors}). Thread-safe; the client is not closed by
 * this class.
 */
public final class ProfileStore {


  private static final int STREAM_PAGE_SIZE = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ProfilePolicy policy;
  private final boolean consistentReads;
  private final RevokedSessionWrites revokedSessions;

  private ProfileStore(Builder builder) {
    this.dynamoDb = builder.dynamoDb;
    this.table = builder.tableName;
    this.policy = builder.policy;
    this.consistentReads = builder.consistentReads;
    this.revokedSessions = new RevokedSessionWrites(builder.dynamoDb, builder.tableName);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the table name.
   *
   * @return the table
   */
  public String tableName() {
    return table;
  }

  /**
   * Reads a user's item: the stored profile, if any, and their revocation records. 1 {@code GetItem}.
   *
   * @param userId the user id
   * @return what is stored
   */
  public StoredItem read(String userId) {
    GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(b -> b
        .tableName(table).key(key(userId)).consistentRead(consistentReads)));
    Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
    Optional<UserProfile> profile =
        ProfileItemCodec.isProfile(item) ? Optional.of(ProfileItemCodec.fromItem(item)) : Optional.empty();
    return new StoredItem(profile, ProfileItemCodec.tokensValidAfter(item), ProfileItemCodec.revokedSessions(item));
  }

  /**
   * Reads only the sign-out everywhere record of a user. 1 {@code GetItem} with a projection.
   *
   * @param userId the user id
   * @return the instant before which tokens are revoked, if any; {@link
   *     AccountDeletion#NO_TOKEN_VALID} for a deleted account
   */
  public Optional<Instant> tokensValidAfter(String userId) {
    return revocations(userId).tokensValidAfter();
  }

  /**
   * Reads only the revocation records of a user: the sign-out everywhere instant and the revoked
   * sessions. 1 {@code GetItem} with a projection.
   *
   * @param userId the user id
   * @return the revocations; {@code tokensValidAfter} is {@link AccountDeletion#NO_TOKEN_VALID}
   *     for a deleted account
   */
  public UserRevocations revocations(String userId) {
    GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(b -> b
        .tableName(table)
        .key(key(userId))
        .consistentRead(consistentReads)
        .projectionExpression("#t, #d, #r")
        .expressionAttributeNames(Map.of("#t", TOKENS_VALID_AFTER, "#d", ACCOUNT_DELETED_AT, "#r", REVOKED_SESSIONS))));
    Map<String, AttributeValue> item = response.hasItem() ? response.item() : null;
    return new UserRevocations(ProfileItemCodec.tokensValidAfter(item), ProfileItemCodec.revokedSessions(item));
  }

  /**
   * Records that the session {@code originJti} is signed out, keeping the profile as it is (or
   * creating an item that holds only the record, which then expires by time to live). Expired
   * records of the user are dropped in passing. 1 {@code UpdateItem}; 2 for the user's first
   * record; 1 more when records expired or the item's time to live moves.
   *
   * @param userId the user id
   * @param originJti the session's {@code origin_jti}
   * @param expiry when the record may go ({@link dev.profilekit.internal.SignOutRule#sessionRecordExpiry})
   * @param now the current instant
   */
  public void recordRevokedSession(String userId, String originJti, Instant expiry, Instant now) {
    call("UpdateItem", () -> {
      revokedSessions.record(userId, originJti, expiry, now);
      return null;
    });
  }

  /**
   * Records that tokens issued before {@code instant} are revoked, keeping the profile as it is
   * (or creating an item that holds only the record). The item loses any time to live, since the
   * record must stay. On a deleted account's tombstone nothing is written: it already revokes
   * every token. 1 {@code UpdateItem}.
   *
   * @param userId the user id
   * @param instant the sign-out instant
   */
  public void recordSignOut(String userId, Instant instant) {
    try {
      TransactionConflictRetry.send(() -> dynamoDb.updateItem(b -> b
          .tableName(table)
          .key(key(userId))
          .updateExpression("SET #t = :t REMOVE #e")
          .conditionExpression("attribute_not_exists(#d)")
          .expressionAttributeNames(Map.of("#t", TOKENS_VALID_AFTER, "#e", EXPIRES_AT, "#d", ACCOUNT_DELETED_AT))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Long.toString(instant.toEpochMilli()))))));
    } catch (ConditionalCheckFailedException deleted) {
      // A tombstone: its tokens are all revoked, and its time to live must stay.
    } catch (SdkException e) {
      throw DynamoDbErrors.map("UpdateItem", table, e);
    }
  }

  /**
   * Applies a validated patch to a user's profile and returns the stored result.
   *
   * <p>With a stored profile: 1 {@code UpdateItem}. Without one, the fallback is taken from
   * {@code fallback}, the patch applied to it, the whole checked with {@link
   * ProfilePolicy#validateProfile(UserProfile)}, and stored under the condition that no profile
   * exists (1 request when the update expects version 0, else 2: the failed patch and the
   * create).
   *
   * @param userId the user id
   * @param update a patch already checked by the policy
   * @param fallback supplies the profile to start from when none is stored
   * @param now the write instant
   * @return the profile as stored after the update
   * @throws VersionConflictException if the expected version is not the stored one
   */
  public UserProfile update(String userId, ProfileUpdate update, Supplier<UserProfile> fallback, Instant now) {
    return update(userId, update, fallback, now, RevocationCondition.NONE);
  }

  /**
   * Applies a patch as {@link #update} does, for a verified token: the write's condition also
   * requires that the user's item does not revoke the token ({@link RevocationCondition}), so the
   * revocation check costs no request of its own. A refused write is told apart from a version
   * conflict by the stored item AWS returns with the failed condition; only when none comes back
   * (dynalite; on AWS when nothing is stored and a version was expected) 1 {@code GetItem} tells.
   *
   * @param user what the verified token says; its user id names the profile
   * @param update a patch already checked by the policy
   * @param fallback supplies the profile to start from when none is stored
   * @param now the write instant
   * @return the profile as stored after the update
   * @throws dev.profilekit.TokenRejectedException {@code REVOKED} when the user's records revoke
   *     the token (or the account was deleted); nothing is written
   * @throws VersionConflictException if the expected version is not the stored one
   */
  public UserProfile updateUnlessRevoked(VerifiedUser user, ProfileUpdate update, Supplier<UserProfile> fallback, Instant now) {
    return update(user.userId(), update, fallback, now, RevocationCondition.of(user));
  }

  private UserProfile update(String userId, ProfileUpdate update, Supplier<UserProfile> fallback, Instant now,
      RevocationCondition guard) {
    Optional<Long> expected = update.expectedVersion();
    if (expected.isPresent() && expected.get() == 0L) {
      try {
        return create(userId, update, fallback, now, guard);
      } catch (ConditionalCheckFailedException conflict) {
        Optional<Map<String, AttributeValue>> stored = failedItem(userId, conflict, guard);
        stored.ifPresent(guard::rejectIfRevoked);
        if (stored.isPresent() && ProfileItemCodec.isTombstone(stored.get())) {
          throw accountDeleted();
        }
        throw new VersionConflictException(userId, 0, actualVersion(stored));
      }
    }
    // Two rounds at most: a concurrent first write can win the create, then the patch applies.
    for (int round = 0; round < 2; round++) {
      try {
        return write(userId, guard.addTo(UpdateExpressionBuilder.patch(update, now)));
      } catch (ConditionalCheckFailedException noMatch) {
        if (noMatch.hasItem()) {
          guard.rejectIfRevoked(noMatch.item());
        }
        if (expected.isPresent()) {
          Optional<Map<String, AttributeValue>> stored = failedItem(userId, noMatch, guard);
          stored.ifPresent(guard::rejectIfRevoked);
          throw new VersionConflictException(userId, expected.get(), actualVersion(stored));
        }
      }
      try {
        return create(userId, update, fallback, now, guard);
      } catch (ConditionalCheckFailedException createdMeanwhile) {
        // Someone else stored the first version in between: patch that one. Unless the account
        // was deleted: its tombstone refuses every create.
        if (createdMeanwhile.hasItem()) {
          guard.rejectIfRevoked(createdMeanwhile.item());
          if (ProfileItemCodec.isTombstone(createdMeanwhile.item())) {
            throw accountDeleted();
          }
        }
      }
    }
    // Without the item in the failure (an emulator), a tombstone or a revocation looks like a
    // race; one read tells.
    Map<String, AttributeValue> probed = guard.active() ? readItem(userId) : tombstoneProbe(userId);
    guard.rejectIfRevoked(probed);
    if (ProfileItemCodec.isTombstone(probed)) {
      throw accountDeleted();
    }
    throw new ServiceUnavailableException(
        "Profile of user " + userId + " kept changing between create and update; try again", null);
  }

  /**
   * The stored item a failed condition reports. Without one: unknown for a plain write (as
   * before), but for a write guarded by a revocation condition one consistent read tells, since a
   * revoked token must not be reported as a version conflict.
   */
  private Optional<Map<String, AttributeValue>> failedItem(String userId, ConditionalCheckFailedException failure,
      RevocationCondition guard) {
    if (failure.hasItem() && !failure.item().isEmpty()) {
      return Optional.of(failure.item());
    }
    return guard.active() ? Optional.of(readItem(userId)) : Optional.empty();
  }

  /**
   * Makes the stored profile, if any, carry the identity's email and verification flag (after an
   * email change in Cognito): 1 conditional {@code UpdateItem} that writes only when a profile is
   * stored and disagrees. Nothing is read first.
   *
   * @param userId the user id
   * @param email the identity's email
   * @param verified whether it is verified
   * @param now the write instant
   * @return true if the profile was written, false if none is stored or it already agreed
   */
  public boolean followEmail(String userId, String email, boolean verified, Instant now) {
    UpdateItemRequest request = UpdateExpressionBuilder.followEmail(email, verified, now).applyTo(UpdateItemRequest.builder())
        .tableName(table)
        .key(key(userId))
        .build();
    try {
      TransactionConflictRetry.send(() -> dynamoDb.updateItem(request));
      return true;
    } catch (ConditionalCheckFailedException noneOrAgreeing) {
      return false;
    } catch (SdkException e) {
      throw DynamoDbErrors.map("UpdateItem", table, e);
    }
  }

  private Map<String, AttributeValue> readItem(String userId) {
    GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(b -> b
        .tableName(table).key(key(userId)).consistentRead(true)));
    return response.hasItem() ? response.item() : Map.of();
  }

  private UserProfile create(String userId, ProfileUpdate update, Supplier<UserProfile> fallback, Instant now,
      RevocationCondition guard) {
    UserProfile base = fallback.get();
    if (!base.userId().equals(userId)) {
      throw new InvalidRequestException("fallback", RequestChecks.FORMAT, "the fallback profile is for another user");
    }
    UserProfile first = firstWrite(base, update, now);
    policy.validateProfile(first);
    return write(userId, guard.addTo(UpdateExpressionBuilder.create(first)));
  }

  /**
   * Stores a whole profile as the user's first version, unless a profile is already stored; used
   * by the write-through of fallbacks (the backfill uses {@link #insertIfAbsent}). 1 {@code
   * UpdateItem}.
   *
   * @param profile the profile; stored with version 1
   * @param now the write instant
   * @return the stored profile, or empty when one already existed (nothing was changed)
   */
  public Optional<UserProfile> createIfAbsent(UserProfile profile, Instant now) {
    return createFirst(checkedFirstVersion(profile, now));
  }

  /** The conditional create of {@link #createIfAbsent}, for a first version already checked. */
  private Optional<UserProfile> createFirst(UserProfile first) {
    try {
      return Optional.of(write(first.userId(), UpdateExpressionBuilder.create(first)));
    } catch (ConditionalCheckFailedException exists) {
      return Optional.empty();
    }
  }

  /**
   * Creates a profile for a user who has none, in one conditional {@code PutItem} when the user
   * has no item at all (the backfill's common case): {@code PutItem} costs DynamoDB less work
   * than an {@code UpdateItem} that has to build the item from a {@code SET} expression, and the
   * answer is not read back. When the key is taken, the stored item AWS returns with the failed
   * condition ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) tells a stored profile (nothing
   * to do, still one request) from an item that holds only sign-out records or a deletion
   * tombstone; for those, and when the store returns no item (dynalite), {@link #createIfAbsent}
   * decides, keeping the records. An existing profile is never overwritten.
   *
   * @param profile the profile to create; its version is ignored (the first version is 1)
   * @param now the write time
   * @return true if this call created the profile
   * @throws dev.profilekit.InvalidProfileException if the profile breaks the policy or DynamoDB
   *     refuses the item (for example as too large)
   */
  public boolean insertIfAbsent(UserProfile profile, Instant now) {
    UserProfile first = checkedFirstVersion(profile, now);
    Map<String, AttributeValue> item = ProfileItemCodec.toItem(first);
    try {
      TransactionConflictRetry.send(() -> dynamoDb.putItem(b -> b
          .tableName(table)
          .item(item)
          .conditionExpression("attribute_not_exists(#k)")
          .expressionAttributeNames(Map.of("#k", USER_ID))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      if (taken.hasItem() && ProfileItemCodec.isProfile(taken.item())) {
        return false;
      }
      return createFirst(first).isPresent();
    } catch (SdkException e) {
      throw DynamoDbErrors.map("PutItem", table, e);
    }
  }

  /** A whole profile as its first version, checked against the policy. */
  private UserProfile checkedFirstVersion(UserProfile profile, Instant now) {
    UserProfile first = firstWrite(profile, ProfileUpdate.builder().build(), now);
    policy.validateProfile(first);
    return first;
  }

  /** The first version of a profile: the shared patch rule, whatever version the base came with. */
  private static UserProfile firstWrite(UserProfile base, ProfileUpdate update, Instant now) {
    return ProfilePatch.apply(base.toBuilder().version(0).build(), update, now);
  }

  private UserProfile write(String userId, UpdateExpression expression) {
    UpdateItemRequest request = expression.applyTo(UpdateItemRequest.builder())
        .tableName(table)
        .key(key(userId))
        .returnValues(ReturnValue.ALL_NEW)
        // Lets DynamoDB report the stored version on a conflict without a second request.
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
    try {
      return ProfileItemCodec.fromItem(TransactionConflictRetry.send(() -> dynamoDb.updateItem(request)).attributes());
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw DynamoDbErrors.map("UpdateItem", table, e);
    }
  }

  private static OptionalLong actualVersion(Optional<Map<String, AttributeValue>> stored) {
    if (stored.isEmpty()) {
      return OptionalLong.empty();
    }
    Map<String, AttributeValue> item = stored.get();
    return ProfileItemCodec.isProfile(item) ? OptionalLong.of(Long.parseLong(item.get(VERSION).n())) : OptionalLong.of(0);
  }

  private static OptionalLong actualVersion(ConditionalCheckFailedException conflict) {
    // AWS returns the item on a failed condition; dynalite does not, so the version may be unknown.
    if (conflict.hasItem() && !conflict.item().isEmpty()) {
      Map<String, AttributeValue> item = conflict.item();
      return ProfileItemCodec.isProfile(item) ? OptionalLong.of(Long.parseLong(item.get(VERSION).n())) : OptionalLong.of(0);
    }
    return OptionalLong.empty();
  }

  /**
   * Deletes a user's stored profile; revocation records, if any, are kept so that revoked tokens
   * stay revoked. Idempotent. 1 {@code DeleteItem}, plus 1 {@code UpdateItem} when a sign-out
   * record must be kept.
   *
   * @param userId the user id
   */
  public void delete(String userId) {
    try {
      TransactionConflictRetry.send(() -> dynamoDb.deleteItem(b -> b
          .tableName(table)
          .key(key(userId))
          .conditionExpression("attribute_not_exists(#t) AND attribute_not_exists(#r)")
          .expressionAttributeNames(Map.of("#t", TOKENS_VALID_AFTER, "#r", REVOKED_SESSIONS))));
    } catch (ConditionalCheckFailedException keepRecord) {
      Map<String, String> placeholders = new HashMap<>();
      String removals = profileRemovals(placeholders);
      call("UpdateItem", () -> dynamoDb.updateItem(b -> b
          .tableName(table)
          .key(key(userId))
          .updateExpression("REMOVE " + removals)
          .expressionAttributeNames(placeholders)));
    } catch (SdkException e) {
      throw DynamoDbErrors.map("DeleteItem", table, e);
    }
  }

  /**
   * Deletes a user's stored profile if it is at {@code expectedVersion}. 1 {@code DeleteItem},
   * which on AWS also reports the stored version when the condition fails; plus 1 {@code
   * UpdateItem} when a sign-out record must be kept, and 1 {@code GetItem} when no profile is
   * stored at all (the failed condition then has no item to report).
   *
   * @param userId the user id
   * @param expectedVersion the version the caller read, 1 or more
   * @throws VersionConflictException if another version (0: no profile) is stored
   */
  public void delete(String userId, long expectedVersion) {
    AttributeValue version = AttributeValue.fromN(Long.toString(expectedVersion));
    try {
      dynamoDb.deleteItem(b -> b
          .tableName(table)
          .key(key(userId))
          .conditionExpression("#v = :v AND attribute_not_exists(#t) AND attribute_not_exists(#r)")
          .expressionAttributeNames(Map.of("#v", VERSION, "#t", TOKENS_VALID_AFTER, "#r", REVOKED_SESSIONS))
          .expressionAttributeValues(Map.of(":v", version))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return;
    } catch (ConditionalCheckFailedException failed) {
      OptionalLong actual = actualVersion(failed);
      if (actual.isPresent() && actual.getAsLong() != expectedVersion) {
        throw new VersionConflictException(userId, expectedVersion, actual);
      }
      // The version matched but a sign-out record is there (or the store did not say): keep the
      // record, remove the profile, still only at the expected version.
    } catch (SdkException e) {
      throw DynamoDbErrors.map("DeleteItem", table, e);
    }
    Map<String, String> placeholders = new HashMap<>();
    String removals = profileRemovals(placeholders);
    placeholders.put("#v", VERSION);
    try {
      dynamoDb.updateItem(b -> b
          .tableName(table)
          .key(key(userId))
          .updateExpression("REMOVE " + removals)
          .conditionExpression("#v = :v")
          .expressionAttributeNames(placeholders)
          .expressionAttributeValues(Map.of(":v", version))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    } catch (ConditionalCheckFailedException conflict) {
      OptionalLong actual = actualVersion(conflict);
      // AWS reports the stored item, so no item means none is stored; an emulator says nothing
      // either way, and one read tells.
      throw new VersionConflictException(userId, expectedVersion,
          actual.isPresent() ? actual : OptionalLong.of(read(userId).profile().map(UserProfile::version).orElse(0L)));
    } catch (SdkException e) {
      throw DynamoDbErrors.map("UpdateItem", table, e);
    }
  }

  /**
   * Replaces everything stored for a deleted account (profile, sign-out and any other record kept
   * on the item) by its tombstone: {@value ProfileAttributes#USER_ID}, {@value
   * ProfileAttributes#ACCOUNT_DELETED_AT} and {@value ProfileAttributes#EXPIRES_AT}. Idempotent.
   * 1 {@code PutItem}.
   *
   * @param userId the user id
   * @param deletedAt when the account was deleted
   * @param expiresAt when the tombstone may be removed
   */
  public void eraseAccount(String userId, Instant deletedAt, Instant expiresAt) {
    Map<String, AttributeValue> tombstone = Map.of(
        USER_ID, AttributeValue.fromS(userId),
        ACCOUNT_DELETED_AT, AttributeValue.fromN(Long.toString(deletedAt.toEpochMilli())),
        EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    call("PutItem", () -> dynamoDb.putItem(b -> b.tableName(table).item(tombstone)));
  }

  /**
   * Returns one page of every item of the table (profiles, sign-out records, tombstones, reserved
   * records), reading only the attributes that tell them apart. 1 {@code Scan}, strongly
   * consistent. For maintenance jobs such as {@code ProfileReconciler}.
   *
   * @param pageSize at most this many items, 1 to 1000
   * @param pageToken the previous page's token, or null for the first page
   * @return the page
   */
  public StoredRecord.Page records(int pageSize, String pageToken) {
    ScanResponse response = scan(pageSize, pageToken, true, b -> b
        .projectionExpression("#u, #v, #d, #e")
        .expressionAttributeNames(Map.of("#u", USER_ID, "#v", VERSION, "#d", ACCOUNT_DELETED_AT, "#e", EXPIRES_AT)));
    List<StoredRecord> records = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      String userId = item.get(USER_ID).s();
      StoredRecord.Kind kind = userId.startsWith("#") ? StoredRecord.Kind.RESERVED
          : ProfileItemCodec.isTombstone(item) ? StoredRecord.Kind.TOMBSTONE
          : ProfileItemCodec.isProfile(item) ? StoredRecord.Kind.PROFILE
          : StoredRecord.Kind.SIGN_OUT_RECORD;
      Optional<Instant> expires = kind == StoredRecord.Kind.TOMBSTONE && item.containsKey(EXPIRES_AT)
          ? Optional.of(Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n()))) : Optional.empty();
      Optional<Instant> deleted = kind == StoredRecord.Kind.TOMBSTONE
          ? Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get(ACCOUNT_DELETED_AT).n()))) : Optional.empty();
      records.add(new StoredRecord(userId, kind, expires, deleted));
    }
    Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
        ? Optional.of(ProfilePages.after(response.lastEvaluatedKey().get(USER_ID).s())) : Optional.empty();
    return new StoredRecord.Page(records, next);
  }

  /**
   * Removes a tombstone, unless it changed since it was read (another deletion of the same id
   * wrote a newer one). 1 {@code DeleteItem}.
   *
   * @param userId the user id
   * @param accountDeletedAt the deletion instant the tombstone was read with
   * @return true if it was removed
   */
  public boolean removeTombstone(String userId, Instant accountDeletedAt) {
    try {
      dynamoDb.deleteItem(b -> b
          .tableName(table)
          .key(key(userId))
          .conditionExpression("#d = :d")
          .expressionAttributeNames(Map.of("#d", ACCOUNT_DELETED_AT))
          .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Long.toString(accountDeletedAt.toEpochMilli())))));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    } catch (SdkException e) {
      throw DynamoDbErrors.map("DeleteItem", table, e);
    }
  }

  private Map<String, AttributeValue> tombstoneProbe(String userId) {
    GetItemResponse response = call("GetItem", () -> dynamoDb.getItem(b -> b
        .tableName(table)
        .key(key(userId))
        .consistentRead(true)
        .projectionExpression("#d")
        .expressionAttributeNames(Map.of("#d", ACCOUNT_DELETED_AT))));
    return response.hasItem() ? response.item() : Map.of();
  }

  private static UserNotFoundException accountDeleted() {
    return new UserNotFoundException("The account of this user was deleted; no profile can be stored for it");
  }

  private static String profileRemovals(Map<String, String> placeholders) {
    List<String> names = new ArrayList<>();
    for (String attribute : ProfileAttributes.PROFILE_ATTRIBUTES) {
      String placeholder = "#a" + placeholders.size();
      placeholders.put(placeholder, attribute);
      names.add(placeholder);
    }
    return String.join(", ", names);
  }

  /**
   * Returns one page of stored profiles. 1 {@code Scan}. Items holding only a sign-out record are
   * filtered out, so a page can hold fewer than {@code pageSize} profiles (even none) and still
   * have a next page.
   *
   * @param pageSize at most this many profiles, 1 to 1000
   * @param pageToken the previous page's token, or null for the first page
   * @return the page
   */
  public ProfilePage page(int pageSize, String pageToken) {
    ScanResponse response = scan(pageSize, pageToken, consistentReads, b -> b
        .filterExpression("attribute_exists(#v)")
        .expressionAttributeNames(Map.of("#v", VERSION)));
    ProfilePage.Builder page = ProfilePage.builder();
    response.items().stream().filter(ProfileItemCodec::isProfile).map(ProfileItemCodec::fromItem).forEach(page::addProfile);
    if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
      page.nextPageToken(ProfilePages.after(response.lastEvaluatedKey().get(USER_ID).s()));
    }
    return page.build();
  }

  /**
   * Streams every stored profile, scanning one page at a time as the stream is consumed.
   *
   * @return a lazy stream
   */
  public Stream<UserProfile> stream() {
    Spliterator<ProfilePage> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      private String token;
      private boolean done;

      @Override
      public boolean tryAdvance(Consumer<? super ProfilePage> action) {
        if (done) {
          return false;
        }
        ProfilePage page = page(STREAM_PAGE_SIZE, token);
        token = page.nextPageToken().orElse(null);
        done = token == null;
        action.accept(page);
        return true;
      }
    };
    return StreamSupport.stream(pages, false).flatMap(page -> page.profiles().stream());
  }

  /** One page of a scan from a page token; {@code request} adds the filter or projection. */
  private ScanResponse scan(int pageSize, String pageToken, boolean consistent, Consumer<ScanRequest.Builder> request) {
    ProfilePages.checkPageSize(pageSize);
    Map<String, AttributeValue> start = pageToken == null ? null : key(ProfilePages.lastUserId(pageToken));
    return call("Scan", () -> dynamoDb.scan(b -> {
      b.tableName(table).limit(pageSize).exclusiveStartKey(start).consistentRead(consistent);
      request.accept(b);
    }));
  }

  private static Map<String, AttributeValue> key(String userId) {
    return Map.of(USER_ID, AttributeValue.fromS(userId));
  }

  private <T> T call(String operation, Supplier<T> request) {
    try {
      return TransactionConflictRetry.send(request);
    } catch (SdkException e) {
      throw DynamoDbErrors.map(operation, table, e);
    }
  }

  /** Builds a {@link ProfileStore}; the client and table name are required. */
  public static final class Builder {
    private DynamoDbClient dynamoDb;
    private String tableName;
    private ProfilePolicy policy = ProfilePolicy.defaults();
    private boolean consistentReads = true;

    private Builder() {}

    /**
     * Sets the DynamoDB client; it is not closed by the store.
     *
     * @param dynamoDb the client
     * @return this builder
     */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = dynamoDb;
      return this;
    }

    /**
     * Sets the profile table's name.
     *
     * @param tableName the table
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets the policy whole profiles are checked against before a first write (default {@link
     * ProfilePolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ProfilePolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Sets whether reads and scans are strongly consistent (default true, so that a read right
     * after an update sees it; false halves the read cost).
     *
     * @param consistentReads true for strongly consistent reads
     * @return this builder
     */
    public Builder consistentReads(boolean consistentReads) {
      this.consistentReads = consistentReads;
      return this;
    }

    /**
     * Builds the store.
     *
     * @return the store
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public ProfileStore build() {
      RequestChecks.required(dynamoDb, "dynamoDb");
      RequestChecks.requiredText(tableName, "tableName");
      RequestChecks.required(policy, "policy");
      return new ProfileStore(this);
    }
  }
}
