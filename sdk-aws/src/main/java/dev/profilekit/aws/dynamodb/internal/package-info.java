/**
 * Internal: the profile table in DynamoDB. {@link dev.profilekit.aws.dynamodb.internal.ProfileStore}
 * reads and writes profiles with one request per operation, {@link
 * dev.profilekit.aws.dynamodb.internal.ProfileAttributes} documents the item format, {@link
 * dev.profilekit.aws.dynamodb.internal.DynamoDbErrors} maps DynamoDB failures to ProfileKit
 * exceptions, and the item codec and update-expression builder sit beside them. Not part of
 * ProfileKit's API: the module does not export this package (docs/decisions.md), and it may change
 * in any release. The backfill job reuses it so that every writer stores the same format.
 */
package dev.profilekit.aws.dynamodb.internal;
