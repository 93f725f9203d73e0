package dev.profilekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The jar ships Spring Boot's configuration metadata, so IDEs complete the {@code profilekit.*}
 * properties with their descriptions (lost once already, when processors stopped being discovered
 * on the class path).
 */
class ConfigurationMetadataTest {

  @Test
  void everyDocumentedPropertyHasMetadataWithADescription() throws Exception {
    String metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String property : new String[] {"user-pool-id", "client-id", "table-name", "client-secret", "domain", "region",
        "issuer", "jwks-uri", "cognito-endpoint", "dynamo-db-endpoint", "backend", "security.enabled",
        "security.token-use", "security.public-paths", "refresh-token-rotation"}) {
      assertThat(metadata).contains("\"name\": \"profilekit." + property + "\"");
    }
    assertThat(metadata).contains("\"description\": \"The Cognito user pool id, for example eu-west-1_AbCdEf123.\"");
  }
}
