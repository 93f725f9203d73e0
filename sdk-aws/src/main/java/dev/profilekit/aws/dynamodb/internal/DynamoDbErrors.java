package dev.profilekit.aws.dynamodb.internal;

import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.internal.ItemSize;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps a DynamoDB failure to the ProfileKit exception a caller can act on.
 *
 * <p>Messages name the operation, the table, the error code, the HTTP status and the request id,
 * never an item's values. DynamoDB's own message is not copied (a validation message can quote
 * data); service exceptions are therefore not attached as causes. Client-side failures (time-outs,
 * refused connections), whose messages hold only endpoints, are attached.
 *
 * <p>A conditional-check failure is not mapped here: {@link ProfileStore} turns it into a {@link
 * dev.profilekit.VersionConflictException} where a version was expected.
 */
public final class DynamoDbErrors {

  private static final Set<String> THROTTLING = Set.of(
      "ProvisionedThroughputExceededException",
      "RequestLimitExceeded",
      "ThrottlingException",
      "Throttling",
      "LimitExceededException");

  private DynamoDbErrors() {}

  /**
   * Returns the ProfileKit exception for a DynamoDB failure.
   *
   * @param operation the DynamoDB operation, for example {@code UpdateItem}
   * @param table the table name
   * @param failure what the AWS SDK threw
   * @return the exception to throw
   */
  public static ProfileKitException map(String operation, String table, SdkException failure) {
    String where = "DynamoDB " + operation + " on table " + table;
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      String detail = " (" + (code == null ? "no error code" : code) + ", HTTP " + status
          + (service.requestId() == null ? "" : ", request " + service.requestId()) + ")";
      if (service.isThrottlingException() || (code != null && THROTTLING.contains(code))) {
        return new ThrottledException(where + " was throttled after retries" + detail, null);
      }
      if ("TransactionConflictException".equals(code)) {
        return new ServiceUnavailableException(where + " met a concurrent transaction on the item "
            + TransactionConflictRetry.ATTEMPTS + " times; retry later" + detail, null);
      }
      if (isItemTooLarge(service)) {
        // The refusal the in-memory service gives by the same count (ItemSize).
        return ItemSize.tooLarge();
      }
      if (status >= 500 || "InternalServerError".equals(code) || "ServiceUnavailable".equals(code)) {
        return new ServiceUnavailableException(where + " failed on the service side after retries" + detail, null);
      }
      if ("ResourceNotFoundException".equals(code)) {
        return new ProfileKitException(where + " failed: the table does not exist or is not active" + detail);
      }
      if ("AccessDeniedException".equals(code) || "UnrecognizedClientException".equals(code)
          || "MissingAuthenticationTokenException".equals(code) || status == 403) {
        return new ProfileKitException(where + " was refused: the credentials lack permission" + detail);
      }
      return new ProfileKitException(where + " was rejected" + detail);
    }
    if (failure instanceof SdkClientException) {
      return new ServiceUnavailableException(where + " could not reach DynamoDB after retries", failure);
    }
    return new ServiceUnavailableException(where + " failed", failure);
  }

  private static boolean isItemTooLarge(AwsServiceException service) {
    if (service.awsErrorDetails() == null || !"ValidationException".equals(service.awsErrorDetails().errorCode())) {
      return false;
    }
    String message = service.awsErrorDetails().errorMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("item size")
        && message.toLowerCase(Locale.ROOT).contains("maximum allowed size");
  }
}
