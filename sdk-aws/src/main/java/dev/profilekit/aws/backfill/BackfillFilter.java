package dev.profilekit.aws.backfill;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.internal.RequestChecks;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Chooses which listed users the backfill copies; the others count as {@link
 * BackfillSummary#skipped() skipped}. Filters combine with {@link #and(BackfillFilter)}.
 */
public final class BackfillFilter {

  private static final BackfillFilter ALL = new BackfillFilter("all", user -> true);

  private final String description;
  private final Predicate<UserType> predicate;

  private BackfillFilter(String description, Predicate<UserType> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  /**
   * Returns the filter that keeps every user.
   *
   * @return the filter
   */
  public static BackfillFilter all() {
    return ALL;
  }

  /**
   * Returns a filter that keeps users whose Cognito status is one of {@code statuses}, for example
   * {@code CONFIRMED} (email users who confirmed) and {@code EXTERNAL_PROVIDER} (Google, Apple).
   *
   * @param statuses the statuses to keep, at least one
   * @return the filter
   */
  public static BackfillFilter status(UserStatusType... statuses) {
    if (statuses.length == 0) {
      throw new InvalidRequestException("filter", RequestChecks.STATUS_REQUIRED, "name at least one user status");
    }
    Set<UserStatusType> kept = EnumSet.noneOf(UserStatusType.class);
    for (UserStatusType status : statuses) {
      kept.add(Objects.requireNonNull(status, "status"));
    }
    Set<String> names = new TreeSet<>();
    kept.forEach(status -> names.add(status.toString()));
    return new BackfillFilter("status=" + String.join(",", names), user -> kept.contains(user.userStatus()));
  }

  /**
   * Returns a filter that keeps users who can sign in: status {@code CONFIRMED} or {@code
   * EXTERNAL_PROVIDER}, and enabled.
   *
   * @return the filter
   */
  public static BackfillFilter confirmedOnly() {
    return status(UserStatusType.CONFIRMED, UserStatusType.EXTERNAL_PROVIDER).and(enabledOnly());
  }

  /**
   * Returns a filter that keeps enabled users.
   *
   * @return the filter
   */
  public static BackfillFilter enabledOnly() {
    return new BackfillFilter("enabled", user -> Boolean.TRUE.equals(user.enabled()));
  }

  /**
   * Parses a filter as the {@code sync-profiles} CLI takes it: {@code all}, {@code enabled},
   * {@code confirmed}, or {@code status=S1,S2} with Cognito status names (case-insensitive).
   *
   * @param text the filter text
   * @return the filter
   * @throws InvalidRequestException if the text is not one of those forms
   */
  public static BackfillFilter parse(String text) {
    String trimmed = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
    switch (trimmed) {
      case "all":
        return all();
      case "enabled":
        return enabledOnly();
      case "confirmed":
        return confirmedOnly();
      default:
        break;
    }
    if (!trimmed.startsWith("status=")) {
      throw new InvalidRequestException("filter", RequestChecks.SYNTAX, "all, enabled, confirmed or status=CONFIRMED,EXTERNAL_PROVIDER,...");
    }
    String[] names = trimmed.substring("status=".length()).split(",");
    UserStatusType[] statuses = new UserStatusType[names.length];
    for (int i = 0; i < names.length; i++) {
      UserStatusType status = UserStatusType.fromValue(names[i].trim().toUpperCase(Locale.ROOT));
      if (status == null || status == UserStatusType.UNKNOWN_TO_SDK_VERSION) {
        throw new InvalidRequestException("filter", RequestChecks.USER_STATUS, "known statuses: " + UserStatusType.knownValues());
      }
      statuses[i] = status;
    }
    return status(statuses);
  }

  /**
   * Returns a filter that keeps the users both filters keep.
   *
   * @param other the other filter
   * @return the combined filter
   */
  public BackfillFilter and(BackfillFilter other) {
    Objects.requireNonNull(other, "other");
    if (this == ALL) {
      return other;
    }
    if (other == ALL) {
      return this;
    }
    return new BackfillFilter(description + " and " + other.description, predicate.and(other.predicate));
  }

  /**
   * Tells whether the backfill copies this user.
   *
   * @param user the user as {@code ListUsers} returned it
   * @return true to copy, false to skip
   */
  public boolean test(UserType user) {
    return predicate.test(user);
  }

  /** Returns the filter in the form {@link #parse(String)} reads, joined by " and ". */
  @Override
  public String toString() {
    return description;
  }
}
