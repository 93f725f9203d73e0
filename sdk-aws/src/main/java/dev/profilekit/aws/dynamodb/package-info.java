/**
 * The profile table in DynamoDB: {@link dev.profilekit.aws.dynamodb.ProfileStore} reads and writes
 * profiles with one request per operation, {@link dev.profilekit.aws.dynamodb.ProfileAttributes}
 * documents the item format, and {@link dev.profilekit.aws.dynamodb.DynamoDbErrors} maps DynamoDB
 * failures to ProfileKit exceptions.
 */
package dev.profilekit.aws.dynamodb;
