package dev.profilekit.aws.backfill.internal;

import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK failures, which arrive after the SDK's own retries with backoff, into
 * ProfileKit exceptions. Messages name the operation and AWS's error code only: AWS messages can
 * quote request values.
 */
public final class AwsFailures {

  private static final Set<String> THROTTLING_CODES = Set.of(
      "TooManyRequestsException",
      "LimitExceededException",
      "ProvisionedThroughputExceededException",
      "RequestLimitExceeded",
      "ThrottlingException",
      "Throttling");

  private AwsFailures() {}

  /**
   * Returns the ProfileKit exception for a failed AWS call.
   *
   * @param operation what was attempted, for example {@code Cognito ListUsers}
   * @param failure the SDK's exception
   * @return the translated exception, with {@code failure} as its cause
   */
  public static ProfileKitException translate(String operation, SdkException failure) {
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? "unknown" : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      if (service.isThrottlingException() || status == 429 || THROTTLING_CODES.contains(code)) {
        return new ThrottledException(operation + " was throttled (" + code + ")", failure);
      }
      if (status >= 500) {
        return new ServiceUnavailableException(operation + " failed with HTTP " + status + " (" + code + ")", failure);
      }
      return new ProfileKitException(operation + " was refused with HTTP " + status + " (" + code + ")", failure);
    }
    return new ServiceUnavailableException(operation + " could not reach the service (" + failure.getClass().getSimpleName() + ")", failure);
  }

  /**
   * Tells whether a failure would hit every following call too (throttling, an outage), so the
   * job should stop rather than record one failure per user.
   *
   * @param failure the translated failure
   * @return true when the job should stop
   */
  public static boolean stopsTheJob(ProfileKitException failure) {
    return failure.isRetryable() || failure.getCause() instanceof AwsServiceException service && (service.statusCode() == 400
        && ("ResourceNotFoundException".equals(errorCode(service)) || "AccessDeniedException".equals(errorCode(service))
            || "UnrecognizedClientException".equals(errorCode(service)))
        || service.statusCode() == 403);
  }

  private static String errorCode(AwsServiceException service) {
    return service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
  }
}
