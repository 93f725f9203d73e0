/**
 * Internals of ProfileKit's federated sign-in: PKCE and random values, form encoding, the token
 * endpoint client. Not part of the API: anything here may change in any release; do not call it.
 */
package dev.profilekit.aws.federated.internal;
