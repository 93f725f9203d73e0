package dev.profilekit.aws.faults;

/**
 * An error answer as AWS's JSON protocols send it: an HTTP status and a body whose {@code __type}
 * names the error (DynamoDB prefixes it with its service namespace, Cognito does not), as in
 * DynamoDB's developer guide, "Error handling with DynamoDB". The AWS SDK reads the code from
 * {@code __type}, so these reach ProfileKit's error mapping exactly as AWS's would.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
record AwsError(int status, String body) {

  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

  /** DynamoDB's 500: "The server encountered an internal error trying to fulfill the request." */
  static final AwsError DYNAMODB_INTERNAL_SERVER_ERROR = dynamoDb(500, "InternalServerError",
      "The server encountered an internal error trying to fulfill the request.");

  /** DynamoDB's 503: "The service is currently unavailable or busy." */
  static final AwsError DYNAMODB_SERVICE_UNAVAILABLE = dynamoDb(503, "ServiceUnavailable",
      "The service is currently unavailable or busy.");

  /** DynamoDB's 400 for a request rate above the account's limits. */
  static final AwsError DYNAMODB_THROTTLING = dynamoDb(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");

  /** Cognito's 500. */
  static final AwsError COGNITO_INTERNAL_ERROR = cognito(500, "InternalErrorException", "Internal server error.");

  /** Cognito's 400 for a request rate above the pool's quota. */
  static final AwsError COGNITO_TOO_MANY_REQUESTS = cognito(400, "TooManyRequestsException", "Rate exceeded");

  private static AwsError dynamoDb(int status, String code, String message) {
    return new AwsError(status, "{\"__type\":\"" + DYNAMODB + code + "\",\"message\":\"" + message + "\"}");
  }

  private static AwsError cognito(int status, String code, String message) {
    return new AwsError(status, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }
}
