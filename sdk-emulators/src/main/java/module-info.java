/** Starts dynalite and cognito-local for tests (JUnit extension {@code @WithEmulators}). */
module dev.profilekit.emulators {
  requires transitive org.junit.jupiter.api;
  requires transitive software.amazon.awssdk.services.cognitoidentityprovider;
  requires transitive software.amazon.awssdk.services.dynamodb;
  requires transitive software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.regions;
  requires software.amazon.awssdk.http;
  requires com.nimbusds.jose.jwt;
  requires java.net.http;
  requires jdk.httpserver;

  exports dev.profilekit.emulators;
  // JUnit creates the extension reflectively.
  opens dev.profilekit.emulators to org.junit.platform.commons;
}
