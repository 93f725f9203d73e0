/**
 * Rules shared by ProfileKit's own implementations (the AWS one and the in-memory fake), kept in
 * one place so both apply them identically. Not public API: consumers must not use this package;
 * it may change in any release.
 */
package dev.profilekit.internal;
