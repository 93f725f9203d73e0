/**
 * Verifies Amazon Cognito ID and access tokens locally: {@link
 * dev.profilekit.aws.jwt.CognitoTokenVerifier} checks the signature against the user pool's
 * cached key set and applies Cognito's claim rules strictly, and {@link
 * dev.profilekit.aws.jwt.TokenRevocations} lets it honour "sign out everywhere".
 *
 * <p>Needs no AWS credentials and no DynamoDB client; every rejection is a {@link
 * dev.profilekit.TokenRejectedException} with a machine-readable reason. See {@code
 * docs/security.md} for every check and its default.
 */
package dev.profilekit.aws.jwt;
