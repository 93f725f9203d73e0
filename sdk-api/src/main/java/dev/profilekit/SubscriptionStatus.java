package dev.profilekit;

/** The lifecycle state of a {@link Subscription}, as the billing system reports it. */
public enum SubscriptionStatus {
  /** In a free trial. */
  TRIALING,
  /** Paid and in good standing. */
  ACTIVE,
  /** A payment failed; access usually continues for a grace period. */
  PAST_DUE,
  /** Cancelled; may still be usable until the period end. */
  CANCELED,
  /** No longer entitles the user to anything. */
  EXPIRED
}
