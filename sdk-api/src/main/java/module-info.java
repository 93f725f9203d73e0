/**
 * ProfileKit's API. Exports {@code dev.profilekit} only; {@code dev.profilekit.internal}, the rules
 * the two implementations share, is exported to those implementations alone, so that a consumer
 * module that names an internal type does not compile (docs/decisions.md).
 */
module dev.profilekit.api {
  requires static org.immutables.value;

  exports dev.profilekit;
  exports dev.profilekit.internal to dev.profilekit.testing, dev.profilekit.aws;
}
