/**
 * The AWS implementation of ProfileKit: {@link dev.profilekit.aws.AwsUserProfileService} signs
 * users in with a Cognito user pool and keeps their profiles in a DynamoDB table.
 *
 * <p>Sub-packages by concern: {@code cognito} (authentication calls and error mapping), {@code
 * dynamodb} (the profile table), {@code jwt} (local token verification), {@code federated} (hosted
 * UI sign-in).
 */
package dev.profilekit.aws;
