package dev.profilekit.benchmarks.spring;

/** Which bearer-token decoder the benchmarked application authenticates with. */
enum Decoder {
  /** The starter's resource server on ProfileKit's {@code CognitoTokenVerifier}, as configured by default. */
  PROFILEKIT,
  /** The same, with the verifier's verified-token cache off: every request verifies the signature. */
  PROFILEKIT_UNCACHED,
  /** Spring Security's {@code oauth2ResourceServer().jwt()} with a stock {@code NimbusJwtDecoder}. */
  NIMBUS
}
