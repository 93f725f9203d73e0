package dev.profilekit.aws.faults;

import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.VersionConflictException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a call under a fault ended: a result or one of the typed ProfileKit failures a caller can
 * act on. Anything else (an AWS SDK exception leaking through, a bare {@code ProfileKitException},
 * a {@code RuntimeException}) is not an outcome: {@link #of} lets it through and the test fails.
 *
 * @param kind what happened
 * @param result the call's result, when it returned one
 * @param failure the exception, when one was thrown
 * @param <T> the call's result type
 */
record Outcome<T>(Kind kind, Optional<T> result, Optional<ProfileKitException> failure) {

  /** The outcomes a faulted call may have. */
  enum Kind {
    SUCCESS,
    VERSION_CONFLICT,
    USER_ALREADY_EXISTS,
    SERVICE_UNAVAILABLE,
    THROTTLED
  }

  static <T> Outcome<T> of(Supplier<T> call) {
    try {
      return new Outcome<>(Kind.SUCCESS, Optional.ofNullable(call.get()), Optional.empty());
    } catch (VersionConflictException e) {
      return failed(Kind.VERSION_CONFLICT, e);
    } catch (UserAlreadyExistsException e) {
      return failed(Kind.USER_ALREADY_EXISTS, e);
    } catch (ServiceUnavailableException e) {
      return failed(Kind.SERVICE_UNAVAILABLE, e);
    } catch (ThrottledException e) {
      return failed(Kind.THROTTLED, e);
    }
  }

  private static <T> Outcome<T> failed(Kind kind, ProfileKitException e) {
    return new Outcome<>(kind, Optional.empty(), Optional.of(e));
  }

  @Override
  public String toString() {
    return kind + failure.map(e -> " (" + e.getClass().getSimpleName()
        + (e.getCause() == null ? "" : ", cause " + e.getCause().getClass().getSimpleName()) + ")").orElse("");
  }
}
