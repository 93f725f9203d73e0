/**
 * Runnable examples of ProfileKit, and what they share: the choice of backend.
 *
 * <p>Every example runs on one of three backends, picked by the same command-line switch: the
 * in-memory service (no switch), the local emulators ({@code --emulators}: dynalite and
 * cognito-local) or real AWS ({@code --aws}, configured from the environment). {@link
 * dev.profilekit.examples.Backend} parses the switch and {@link
 * dev.profilekit.examples.ExampleEnvironment} is what differs between backends: where a
 * confirmation code comes from and how federated users are seeded.
 *
 * <ul>
 *   <li>{@link dev.profilekit.examples.demo.Demo}: the README's first command, a walk through the API;
 *   <li>{@link dev.profilekit.examples.http.ProfileHttpService}: {@code GET}/{@code PATCH /me/profile}
 *       on the JDK's HTTP server;
 *   <li>{@code dev.profilekit.examples.downstream}: a consumer's service classes, tested with
 *       {@code profilekit-testing} only.
 * </ul>
 */
package dev.profilekit.examples;
