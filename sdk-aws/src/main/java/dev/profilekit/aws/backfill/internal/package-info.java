/**
 * Internal to ProfileKit: the backfill's rate limiter, user mapping, page writer and checkpoint
 * stores. Not part of the API; may change in any release without notice.
 */
package dev.profilekit.aws.backfill.internal;
