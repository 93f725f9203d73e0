package dev.profilekit.aws;

import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.StoredItem;
import dev.profilekit.aws.jwt.RevocationCache;
import dev.profilekit.aws.jwt.UserRevocations;
import dev.profilekit.internal.AccountDeletion;
import java.time.Instant;
import java.util.Optional;

/**
 * Every revocation the service writes (sign-out, sign-out everywhere, disable, account deletion),
 * written to the profile table and then applied to this process's {@link RevocationCache}, so that
 * the node that wrote it rejects the tokens at once; other nodes see it within the cache's
 * staleness bound. In one place so that no write path forgets the cache.
 */
final class RevocationRecords {

  private final ProfileStore store;
  private final Optional<RevocationCache> cache;

  RevocationRecords(ProfileStore store, Optional<RevocationCache> cache) {
    this.store = store;
    this.cache = cache;
  }

  void signOutEverywhere(String userId, Instant instant) {
    store.recordSignOut(userId, instant);
    cache.ifPresent(c -> c.recordLocally(userId, UserRevocations.signedOutAt(instant)));
  }

  void revokeSession(String userId, String originJti, Instant recordExpiry, Instant now) {
    store.recordRevokedSession(userId, originJti, recordExpiry, now);
    cache.ifPresent(c -> c.recordLocally(userId, UserRevocations.sessionRevoked(originJti, recordExpiry)));
  }

  void eraseAccount(String userId, Instant deletedAt, Instant tombstoneExpiresAt) {
    store.eraseAccount(userId, deletedAt, tombstoneExpiresAt);
    cache.ifPresent(c -> c.recordLocally(userId, UserRevocations.signedOutAt(AccountDeletion.NO_TOKEN_VALID)));
  }

  /** A profile read carried the revocations too: the next verification needs no lookup. */
  void seen(String userId, StoredItem item, Instant readStartedAt) {
    cache.ifPresent(c -> c.refresh(userId, new UserRevocations(item.tokensValidAfter(), item.revokedSessions()), readStartedAt));
  }
}
