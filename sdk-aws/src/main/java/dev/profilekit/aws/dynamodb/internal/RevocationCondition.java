package dev.profilekit.aws.dynamodb.internal;

import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.REVOKED_SESSIONS;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.TOKENS_VALID_AFTER;

import dev.profilekit.TokenRejectedException;
import dev.profilekit.VerifiedUser;
import dev.profilekit.internal.SignOutRule;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link SignOutRule} as a condition of the write itself: a profile write made for a verified
 * token goes through only if the user's item does not revoke that token, so that verifying the
 * token and writing cost one {@code UpdateItem} and no revocation lookup. A write that fails the
 * condition is told apart from a version conflict by the stored item DynamoDB returns with the
 * failure ({@link #revokedBy(Map)}).
 *
 * <p>The rule over the item's attributes: no deletion tombstone ({@code accountDeletedAt}); no
 * sign-out everywhere at or after the token's second ({@code tokensValidAfter} is in epoch
 * milliseconds, so "iat at or before the sign-out truncated to seconds" is {@code
 * tokensValidAfter >= iat * 1000}, and the write needs the opposite); no record of the token's
 * session in {@code revokedSessions} (a record counts until it is dropped, as in the rule).
 */
public final class RevocationCondition {

  /** No condition: for writes that do not act for a token (admin writes, updates by user object). */
  public static final RevocationCondition NONE = new RevocationCondition(null);

  private static final String ISSUED_AT = ":rvIat";
  private static final String SESSION = "#rvJti";
  /** The OR keyword (keywords are case-insensitive); placeholders and function names never match. */
  private static final Pattern OR_KEYWORD = Pattern.compile("\\bOR\\b", Pattern.CASE_INSENSITIVE);

  private final VerifiedUser user;

  private RevocationCondition(VerifiedUser user) {
    this.user = user;
  }

  /**
   * Returns the condition that {@code user}'s token is not revoked.
   *
   * @param user what a verified token says
   * @return the condition
   */
  public static RevocationCondition of(VerifiedUser user) {
    return new RevocationCondition(user);
  }

  /**
   * Tells whether this condition adds anything to a write.
   *
   * @return false for {@link #NONE}
   */
  public boolean active() {
    return user != null;
  }

  /**
   * Returns the expression with this condition joined to its own by {@code AND}; placeholders for
   * attributes the expression names already are reused.
   *
   * @param expression the write
   * @return the guarded write ({@code expression} itself for {@link #NONE})
   */
  public UpdateExpression addTo(UpdateExpression expression) {
    if (user == null) {
      return expression;
    }
    Map<String, String> names = new HashMap<>(expression.names());
    Map<String, AttributeValue> values = new HashMap<>(expression.values());
    String deleted = placeholder(names, ACCOUNT_DELETED_AT);
    String signedOut = placeholder(names, TOKENS_VALID_AFTER);
    values.put(ISSUED_AT, AttributeValue.fromN(Long.toString(Math.multiplyExact(user.issuedAt().getEpochSecond(), 1000L))));
    StringBuilder clause = new StringBuilder()
        .append("attribute_not_exists(").append(deleted).append(")")
        .append(" AND (attribute_not_exists(").append(signedOut).append(") OR ").append(signedOut).append(" < ").append(ISSUED_AT).append(")");
    if (user.originJti().isPresent()) {
      String sessions = placeholder(names, REVOKED_SESSIONS);
      names.put(SESSION, user.originJti().get());
      clause.append(" AND attribute_not_exists(").append(sessions).append(".").append(SESSION).append(")");
    }
    String own = expression.condition();
    String condition = own == null || own.isBlank() ? clause.toString() : conjunction(own, clause.toString());
    return new UpdateExpression(expression.update(), condition, names, values);
  }

  /**
   * Tells whether a stored item revokes the token, by the same rule as the condition.
   *
   * @param item the item, possibly empty (nothing stored)
   * @return true when a write for the token is refused because of revocation
   */
  public boolean revokedBy(Map<String, AttributeValue> item) {
    return user != null && !item.isEmpty()
        && SignOutRule.revokes(ProfileItemCodec.tokensValidAfter(item).orElse(null), ProfileItemCodec.revokedSessions(item), user);
  }

  /**
   * Throws {@link TokenRejectedException.Reason#REVOKED} when the item revokes the token.
   *
   * @param item the item, possibly empty
   * @throws TokenRejectedException REVOKED
   */
  public void rejectIfRevoked(Map<String, AttributeValue> item) {
    if (revokedBy(item)) {
      throw revoked();
    }
  }

  /**
   * The rejection of a revoked token, worded as a verification's.
   *
   * @return the exception
   */
  public static TokenRejectedException revoked() {
    return new TokenRejectedException(TokenRejectedException.Reason.REVOKED,
        "The token was issued before the user signed out, or its session was signed out");
  }

  /**
   * Returns {@code own AND clause}, parenthesising {@code own} only when it holds an {@code OR}.
   * In DynamoDB's condition grammar only {@code OR} binds looser than {@code AND} (the developer
   * guide's precedence: comparisons, {@code IN}, {@code BETWEEN}, functions, parentheses, {@code
   * NOT}, {@code AND}, {@code OR}), so any other condition stays one operand of the {@code AND}
   * as it is. Not cosmetic: dynalite's expression parser spent about 100 µs more per call on
   * {@code (attribute_exists(#n0)) AND ...} than on the same condition unparenthesised (measured
   * 2026-12-04), which was most of the gap between {@code verifyAndUpdateProfile} and the raw
   * request it is benchmarked against (docs/performance.md).
   *
   * @param own the write's own condition
   * @param clause the revocation clause
   * @return the conjunction
   */
  static String conjunction(String own, String clause) {
    return OR_KEYWORD.matcher(own).find() ? "(" + own + ") AND " + clause : own + " AND " + clause;
  }

  private static String placeholder(Map<String, String> names, String attribute) {
    for (Map.Entry<String, String> name : names.entrySet()) {
      if (name.getValue().equals(attribute)) {
        return name.getKey();
      }
    }
    String placeholder = "#rv" + names.size();
    names.put(placeholder, attribute);
    return placeholder;
  }
}
