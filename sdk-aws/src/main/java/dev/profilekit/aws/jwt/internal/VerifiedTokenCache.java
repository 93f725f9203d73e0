package dev.profilekit.aws.jwt.internal;

import dev.profilekit.VerifiedUser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map from the SHA-256 of a verified token to its {@link VerifiedUser}, so a hot token
 * costs a hash and a lookup. The token itself is never stored; an entry is dropped as soon as the
 * token's {@code exp} is reached.
 */
public final class VerifiedTokenCache {

  /** MessageDigest is not thread-safe and getInstance costs a provider lookup per call. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required of every JDK", e);
            }
          });

  private final int maxSize;
  private final ConcurrentHashMap<Key, VerifiedUser> entries = new ConcurrentHashMap<>();

  /**
   * Creates a cache.
   *
   * @param maxSize the most entries kept, positive
   */
  public VerifiedTokenCache(int maxSize) {
    this.maxSize = maxSize;
  }

  /**
   * Returns the cache key of a token: its SHA-256.
   *
   * @param token the token
   * @return the key
   */
  public static Key keyOf(String token) {
    ByteBuffer digest = ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    return new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }

  /**
   * Returns the cached user, unless absent or the token has expired (then the entry is dropped).
   *
   * @param key the token's key
   * @param now the current instant
   * @return the user, or null
   */
  public VerifiedUser get(Key key, Instant now) {
    VerifiedUser user = entries.get(key);
    if (user == null) {
      return null;
    }
    if (!now.isBefore(user.expiresAt())) {
      entries.remove(key, user);
      return null;
    }
    return user;
  }

  /**
   * Caches a verified user, first making room if the cache is full: expired entries go, then
   * arbitrary ones down to 90% of the bound, so the sweep is paid once per many inserts (a cache
   * miss only costs a full verification).
   *
   * @param key the token's key
   * @param user the verified user
   * @param now the current instant
   */
  public void put(Key key, VerifiedUser user, Instant now) {
    if (entries.size() >= maxSize) {
      entries.values().removeIf(u -> !now.isBefore(u.expiresAt()));
      Iterator<Map.Entry<Key, VerifiedUser>> it = entries.entrySet().iterator();
      int target = maxSize - Math.max(1, maxSize / 10);
      while (entries.size() > target && it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    entries.put(key, user);
  }

  /**
   * Returns the number of entries.
   *
   * @return the size
   */
  public int size() {
    return entries.size();
  }

  /**
   * A token's SHA-256 as four longs (cheap equality and hashing).
   *
   * @param a bytes 0-7
   * @param b bytes 8-15
   * @param c bytes 16-23
   * @param d bytes 24-31
   */
  public record Key(long a, long b, long c, long d) {}
}
