package dev.profilekit.aws.setup;

import org.immutables.value.Value;

/** What {@link ProfileTableSetup#ensureTable()} found or did. */
@Value.Immutable
public abstract class TableSetupResult {

  TableSetupResult() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The table's name.
   *
   * @return the name
   */
  public abstract String tableName();

  /**
   * The table's ARN, for IAM policies.
   *
   * @return the ARN
   */
  public abstract String tableArn();

  /**
   * Whether this call created the table (false when it existed and was validated).
   *
   * @return true when created
   */
  public abstract boolean created();

  /**
   * Whether the table uses on-demand capacity ({@code PAY_PER_REQUEST}).
   *
   * @return true for on-demand
   */
  public abstract boolean onDemand();

  /**
   * Whether deletion protection is on.
   *
   * @return true when protected
   */
  public abstract boolean deletionProtectionEnabled();

  /**
   * Whether point-in-time recovery was enabled by this call (it is left as it was when the
   * builder turned it off).
   *
   * @return true when enabled
   */
  public abstract boolean pointInTimeRecoveryEnabled();

  /**
   * Whether time to live on {@code expiresAt} was enabled by this call, or found on (it is left as
   * it was when the builder turned it off).
   *
   * @return true when enabled
   */
  public abstract boolean timeToLiveEnabled();

  /** Builds a {@link TableSetupResult}. */
  public static final class Builder extends ImmutableTableSetupResult.Builder {
    Builder() {}
  }
}
