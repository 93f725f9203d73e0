package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.InvalidProfileException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Every DynamoDB error the profile store can meet, mapped without quoting DynamoDB's message. */
class DynamoDbErrorsTest {

  private static final String DATA = "value-of-a-private-field";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("ProvisionedThroughputExceededException", 400, "x", ThrottledException.class),
        Arguments.of("RequestLimitExceeded", 400, "x", ThrottledException.class),
        Arguments.of("ThrottlingException", 400, "x", ThrottledException.class),
        Arguments.of("LimitExceededException", 400, "x", ThrottledException.class),
        Arguments.of("TransactionConflictException", 400, "Transaction is ongoing for the item", ServiceUnavailableException.class),
        Arguments.of("InternalServerError", 500, "x", ServiceUnavailableException.class),
        Arguments.of("ServiceUnavailable", 503, "x", ServiceUnavailableException.class),
        Arguments.of("ValidationException", 400, "Item size has exceeded the maximum allowed size", InvalidProfileException.class),
        Arguments.of("ValidationException", 400, "Item size to update has exceeded the maximum allowed size", InvalidProfileException.class),
        Arguments.of("ValidationException", 400, "Invalid UpdateExpression: " + DATA, ProfileKitException.class),
        Arguments.of("ResourceNotFoundException", 400, "Requested resource not found", ProfileKitException.class),
        Arguments.of("AccessDeniedException", 400, "not authorized", ProfileKitException.class),
        Arguments.of("UnrecognizedClientException", 400, "bad key", ProfileKitException.class),
        Arguments.of("SomethingNew", 400, DATA, ProfileKitException.class));
  }

  @ParameterizedTest(name = "{0} ({1}) -> {3}")
  @MethodSource("table")
  void mapsEachErrorWithoutQuotingDynamoDb(String code, int status, String message, Class<? extends ProfileKitException> expected) {
    DynamoDbException failure = (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message + " " + DATA).build())
        .statusCode(status)
        .requestId("req-1")
        .build();

    ProfileKitException mapped = DynamoDbErrors.map("UpdateItem", "profiles", failure);

    assertThat(mapped).isExactlyInstanceOf(expected);
    assertThat(mapped.getMessage()).doesNotContain(DATA);
    assertThat(mapped.getCause()).isNull();
  }

  @Test
  void aTooLargeItemNamesTheProfileAndTheRule() {
    DynamoDbException failure = (DynamoDbException) DynamoDbException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException")
            .errorMessage("Item size to update has exceeded the maximum allowed size").build())
        .statusCode(400)
        .build();

    InvalidProfileException mapped = (InvalidProfileException) DynamoDbErrors.map("UpdateItem", "profiles", failure);

    assertThat(mapped.field()).isEqualTo("profile");
    assertThat(mapped.rule()).isEqualTo("max-item-size");
  }

  @Test
  void unreachableDynamoDbIsRetryableUnavailability() {
    SdkClientException timeout = SdkClientException.create("Read timed out");

    ProfileKitException mapped = DynamoDbErrors.map("GetItem", "profiles", timeout);

    assertThat(mapped).isInstanceOf(ServiceUnavailableException.class);
    assertThat(mapped.isRetryable()).isTrue();
  }
}
