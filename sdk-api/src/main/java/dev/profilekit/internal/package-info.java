/**
 * Not public API: the rules that the in-memory service ({@code profilekit-testing}) and the AWS
 * implementation ({@code profilekit-aws}) share, written once so that the two cannot judge
 * differently. Anything here may change or disappear in any release; do not use it from your
 * code. See {@code docs/decisions.md} for how this package is kept from consumers.
 */
package dev.profilekit.internal;
