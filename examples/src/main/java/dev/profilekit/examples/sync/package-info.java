/**
 * The {@code sync-profiles} command line: copies existing Cognito users into the profile table
 * with {@link dev.profilekit.aws.backfill.ProfileBackfill}.
 */
package dev.profilekit.examples.sync;
