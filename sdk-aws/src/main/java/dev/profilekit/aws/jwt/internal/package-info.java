/**
 * Internal machinery of the token verifier (token text checks, strict JSON scan, key sources, the
 * verified-token cache). Not an API: anything here may change in any release without notice.
 */
package dev.profilekit.aws.jwt.internal;
