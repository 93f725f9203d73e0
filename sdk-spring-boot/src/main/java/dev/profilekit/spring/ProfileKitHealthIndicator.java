package dev.profilekit.spring;

import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.TokenRevocations;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether ProfileKit can serve: the user pool's keys are loaded (fetched now if they are
 * not cached) and the profile table answers a read.
 *
 * <p>The table check is one {@code GetItem} of a key no user has, through the same sign-out
 * records the verifier reads: it needs no permission beyond the service role's ({@code
 * DescribeTable} is not in it, see {@code docs/setup.md}). Details name the table and what failed,
 * never a token.
 */
public final class ProfileKitHealthIndicator extends AbstractHealthIndicator {

  /** A user id Cognito never issues (subs are UUIDs), so the read touches no one's row. */
  static final String PROBE_USER_ID = "profilekit-health-probe";

  private final CognitoTokenVerifier verifier;
  private final TokenRevocations table;
  private final String tableName;

  /**
   * Creates the indicator.
   *
   * @param verifier the verifier whose keys must be loaded
   * @param table the profile table's sign-out records, read once per check
   * @param tableName the table's name, shown in the details
   */
  public ProfileKitHealthIndicator(CognitoTokenVerifier verifier, TokenRevocations table, String tableName) {
    super("ProfileKit health check failed");
    this.verifier = verifier;
    this.table = table;
    this.tableName = tableName;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("table", tableName);
    boolean keys = check(builder, "keys", verifier::prewarm);
    boolean tableUp = check(builder, "tableReachable", () -> table.tokensValidAfter(PROBE_USER_ID));
    if (keys && tableUp) {
      builder.up();
    } else {
      builder.down();
    }
  }

  private static boolean check(Health.Builder builder, String name, Runnable probe) {
    try {
      probe.run();
      builder.withDetail(name, "ok");
      return true;
    } catch (ProfileKitException | software.amazon.awssdk.core.exception.SdkException e) {
      // The type says enough; messages of remote failures can be long and are not the health page's business.
      builder.withDetail(name, "failed: " + e.getClass().getSimpleName());
      return false;
    }
  }
}
