package dev.profilekit.aws.backfill;

import org.immutables.value.Value;

/**
 * One user the backfill could not copy: which user, and why, in words safe to log (never an
 * attribute value, token or secret).
 */
@Value.Immutable
public abstract class BackfillFailure {

  BackfillFailure() {}

  /**
   * Creates a failure.
   *
   * @param userId the user's id (Cognito {@code sub}), or the username when the user has no
   *     {@code sub}
   * @param reason why the user was not copied
   * @return the failure
   */
  public static BackfillFailure of(String userId, String reason) {
    return ImmutableBackfillFailure.builder().userId(userId).reason(reason).build();
  }

  /**
   * The user's id (Cognito {@code sub}), or the username when the user has no {@code sub}.
   *
   * @return the id
   */
  public abstract String userId();

  /**
   * Why the user was not copied, for example {@code invalid profile: locale (bcp47)}.
   *
   * @return the reason
   */
  public abstract String reason();

  @Override
  public String toString() {
    return userId() + ": " + reason();
  }
}
