/**
 * Internal: the DynamoDB item codec and update-expression builder behind {@link
 * dev.profilekit.aws.dynamodb.ProfileStore}. Not part of ProfileKit's API; it may change in any
 * release. The backfill job in this module reuses it so that every writer stores the same format.
 */
package dev.profilekit.aws.dynamodb.internal;
