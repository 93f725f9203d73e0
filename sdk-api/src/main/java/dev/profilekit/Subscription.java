package dev.profilekit;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user's paid plan, as the billing system last reported it.
 *
 * <p>Admin-only: users can read their subscription but only {@link ProfileAdmin} can write it, so
 * that a user cannot grant themselves a plan.
 */
@Value.Immutable
public abstract class Subscription {

  Subscription() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this subscription's values.
   *
   * @return a pre-filled builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The plan identifier, for example {@code pro-monthly}; 1 to 64 characters.
   *
   * @return the plan
   */
  public abstract String plan();

  /**
   * The lifecycle state.
   *
   * @return the status
   */
  public abstract SubscriptionStatus status();

  /**
   * When the current paid period ends or the subscription renews, if known.
   *
   * @return the period end
   */
  public abstract Optional<Instant> currentPeriodEnd();

  /**
   * The customer id in the billing system (for example a Stripe customer id), if any.
   *
   * @return the external id
   */
  public abstract Optional<String> externalCustomerId();

  /** Builds a {@link Subscription}; {@code plan} and {@code status} are required. */
  public static final class Builder extends ImmutableSubscription.Builder {
    Builder() {}
  }
}
