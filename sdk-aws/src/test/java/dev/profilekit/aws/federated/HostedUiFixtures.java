package dev.profilekit.aws.federated;

import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import java.net.URI;

/** Builds hosted UI clients wired to a {@link LoopbackCognitoDomain}. */
final class HostedUiFixtures {

  private HostedUiFixtures() {}

  /** A client whose verifier fetches the domain's keys from its JWKS endpoint, as in production. */
  static CognitoHostedUi hostedUi(LoopbackCognitoDomain domain, String clientId, String clientSecret) {
    return hostedUi(domain, clientId, clientSecret, verifier(domain, clientId));
  }

  static CognitoHostedUi hostedUi(LoopbackCognitoDomain domain, String clientId, String clientSecret, CognitoTokenVerifier verifier) {
    return CognitoHostedUi.builder()
        .domain(domain.domain())
        .clientId(clientId)
        .clientSecret(clientSecret)
        .tokenVerifier(verifier)
        .build();
  }

  static CognitoTokenVerifier verifier(LoopbackCognitoDomain domain, String... clientIds) {
    return CognitoTokenVerifier.builder()
        .userPool(domain.issuer(), URI.create(domain.issuer() + "/.well-known/jwks.json"))
        .clientIds(clientIds)
        .build();
  }
}
