/**
 * Internals of the in-memory ProfileKit service: key material, password hashing, token checks,
 * the user directory and the profile store. Not API: anything here may change in any release; use
 * the types in {@code dev.profilekit.testing} instead.
 */
package dev.profilekit.testing.internal;
