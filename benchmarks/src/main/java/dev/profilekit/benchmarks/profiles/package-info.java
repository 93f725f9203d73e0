/**
 * Profile read and update benchmarks: {@code AwsUserProfileService} against the raw {@code
 * DynamoDbClient}, on dynalite and over a canned in-process HTTP client.
 */
package dev.profilekit.benchmarks.profiles;
