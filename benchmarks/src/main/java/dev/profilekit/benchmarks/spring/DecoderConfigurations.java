package dev.profilekit.benchmarks.spring;

import dev.profilekit.TokenUse;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The decoder each variant of the application adds to the example; nothing else differs. */
final class DecoderConfigurations {

  static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench1234";
  static final String CLIENT_ID = "benchclient1234567890";
  static final String JWKS_PROPERTY = "benchmark.jwks-uri";

  private DecoderConfigurations() {}

  /**
   * ProfileKit: the verifier bean the starter's resource server uses (with the in-memory backend
   * the starter builds none itself), on the same key endpoint as the stock decoder. Revocation is
   * off, as it is for the stock decoder; the verified-token cache is ProfileKit's default.
   */
  @Configuration(proxyBeanMethods = false)
  static class ProfileKitVerifier {
    @Bean
    CognitoTokenVerifier benchmarkVerifier(Environment environment) {
      return CognitoTokenVerifier.builder()
          .userPool(ISSUER, URI.create(environment.getRequiredProperty(JWKS_PROPERTY)))
          .clientIds(CLIENT_ID)
          .tokenUses(TokenUse.ACCESS)
          .build();
    }
  }

  /** ProfileKit with the verified-token cache off. */
  @Configuration(proxyBeanMethods = false)
  static class ProfileKitVerifierUncached {
    @Bean
    CognitoTokenVerifier benchmarkVerifier(Environment environment) {
      return CognitoTokenVerifier.builder()
          .userPool(ISSUER, URI.create(environment.getRequiredProperty(JWKS_PROPERTY)))
          .clientIds(CLIENT_ID)
          .tokenUses(TokenUse.ACCESS)
          .cacheSize(0)
          .build();
    }
  }

  /**
   * Spring Security's stock resource server: {@code NimbusJwtDecoder.withJwkSetUri} with the
   * default validators and the issuer (what Spring Boot builds from {@code
   * spring.security.oauth2.resourceserver.jwt.*}), in a chain like the starter's default one
   * (public paths open, stateless, no CSRF).
   */
  @Configuration(proxyBeanMethods = false)
  static class StockNimbus {
    @Bean
    JwtDecoder benchmarkJwtDecoder(Environment environment) {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(environment.getRequiredProperty(JWKS_PROPERTY)).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
      return decoder;
    }

    @Bean
    SecurityFilterChain benchmarkChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
      return http
          .authorizeHttpRequests(requests -> requests.requestMatchers("/healthz", "/actuator/health", "/error").permitAll()
              .anyRequest().authenticated())
          .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new CognitoJwtAuthentication())))
          .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .csrf(csrf -> csrf.disable())
          .build();
    }
  }

  static Class<?> of(Decoder decoder) {
    return switch (decoder) {
      case PROFILEKIT -> ProfileKitVerifier.class;
      case PROFILEKIT_UNCACHED -> ProfileKitVerifierUncached.class;
      case NIMBUS -> StockNimbus.class;
    };
  }
}
