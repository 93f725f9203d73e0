/**
 * A consumer's code, as a team using ProfileKit would write it, and the reason it is here: its
 * tests (in {@code src/test}) use only {@code profilekit-testing} (the JUnit 5 extension, the
 * fixtures and the token minter), with no AWS account, emulator or mock.
 *
 * <p>{@link dev.profilekit.examples.downstream.GreetingHandler} reads the signed-in user's profile,
 * {@link dev.profilekit.examples.downstream.ProfileEditor} edits it, and both refuse a bad token
 * with {@link dev.profilekit.examples.downstream.NotAuthenticatedException}.
 */
package dev.profilekit.examples.downstream;
