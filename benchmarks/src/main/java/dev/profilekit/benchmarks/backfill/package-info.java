/**
 * The backfill harness: {@code ProfileBackfill} against a raw ListUsers + conditional PutItem
 * loop on a cognito-local pool seeded through its data files, timed as whole runs.
 */
package dev.profilekit.benchmarks.backfill;
