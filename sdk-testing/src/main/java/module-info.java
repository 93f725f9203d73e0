/**
 * ProfileKit's in-memory service, JUnit extension and contract suite. {@code
 * dev.profilekit.testing.internal} is not exported (docs/decisions.md).
 */
module dev.profilekit.testing {
  requires transitive dev.profilekit.api;
  requires transitive org.junit.jupiter.api;
  requires org.junit.jupiter.params;
  requires org.assertj.core;
  requires com.nimbusds.jose.jwt;
  requires static org.immutables.value;

  exports dev.profilekit.testing;
  exports dev.profilekit.testing.contract;
  // JUnit creates the extension and reads its annotations reflectively.
  opens dev.profilekit.testing to org.junit.platform.commons;
}
