/**
 * Starts the local emulators ProfileKit and its consumers test against: {@code dynalite}
 * (DynamoDB) and {@code cognito-local} (Cognito user pools), from npm packages pinned in this jar
 * and installed with {@code npm ci} on first use.
 *
 * <p>JUnit 5 tests annotate their class with {@link dev.profilekit.emulators.WithEmulators} and
 * declare an {@link dev.profilekit.emulators.EmulatorEnvironment} parameter; other code calls
 * {@link dev.profilekit.emulators.LocalEmulators#start()}. Node.js 20 or newer (with npm) must be
 * on the PATH; without it the tests fail with a message saying so. See {@code docs/emulators.md}
 * for what each emulator supports and where it differs from AWS.
 */
package dev.profilekit.emulators;
