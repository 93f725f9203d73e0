/**
 * The cold-start harness: fresh JVMs from {@code main} to the first stored-profile read, ProfileKit
 * against the raw SDK.
 */
package dev.profilekit.benchmarks.coldstart;
