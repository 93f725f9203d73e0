/**
 * Starts the local emulators ProfileKit tests run against: {@code dynalite} (DynamoDB) and {@code
 * cognito-local} (Cognito user pools), installed from the pinned npm packages by the build.
 *
 * <p>JUnit tests annotate their class with {@link dev.profilekit.aws.emulators.WithEmulators};
 * other code (examples, benchmarks, through the sdk-aws test jar) calls {@link
 * dev.profilekit.aws.emulators.LocalEmulators#start()}. See {@code docs/emulators.md} for what
 * each emulator supports and where it differs from AWS.
 */
package dev.profilekit.aws.emulators;
