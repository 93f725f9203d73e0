package dev.profilekit.spring;

import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Secures a servlet application as an OAuth 2.0 resource server on ProfileKit's verifier: every
 * request but {@code profilekit.security.public-paths} needs a bearer token of the user pool, app
 * client and token use ({@code access} by default). Off with {@code
 * profilekit.security.enabled=false}.
 *
 * <p>The default chain is stateless (no session, no CSRF token: the credential is the bearer
 * token, not a cookie) and backs off when the application defines its own {@link
 * SecurityFilterChain}; such a chain uses the {@link ProfileKitAuthenticationProvider} bean through
 * {@link ProfileKitAuthenticationProvider#resourceServer()}.
 */
@AutoConfiguration(
    after = {InMemoryProfileKitAutoConfiguration.class, ProfileKitAutoConfiguration.class, ProfileKitMetricsAutoConfiguration.class},
    before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, BearerTokenAuthenticationToken.class})
@ConditionalOnBean(UserProfileService.class)
@ConditionalOnProperty(prefix = "profilekit.security", name = "enabled", matchIfMissing = true)
public class ProfileKitSecurityAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public ProfileKitSecurityAutoConfiguration() {}

  /**
   * The bearer-token authentication: with the {@link CognitoTokenVerifier} bean when there is one
   * (AWS), with the service's {@code verify} otherwise (the in-memory service).
   *
   * @param service the service
   * @param verifier the verifier, if any
   * @param timer the verification timer, if Micrometer is present
   * @param properties the settings
   * @return the provider
   */
  @Bean
  @ConditionalOnMissingBean
  public ProfileKitAuthenticationProvider profileKitAuthenticationProvider(
      UserProfileService service, ObjectProvider<CognitoTokenVerifier> verifier, ObjectProvider<VerificationTimer> timer,
      ProfileKitProperties properties) {
    CognitoTokenVerifier strict = verifier.getIfUnique();
    Function<String, VerifiedUser> verify = strict != null ? strict::verify : service::verify;
    return new ProfileKitAuthenticationProvider(verify, properties.getSecurity().getTokenUse(), timer.getIfAvailable(() -> VerificationTimer.NONE));
  }

  /**
   * The default chain: public paths open, everything else behind a ProfileKit bearer token.
   *
   * @param http Spring Security's builder
   * @param provider the bearer-token authentication
   * @param properties the settings
   * @return the chain
   * @throws Exception as {@link HttpSecurity#build()} may
   */
  @Bean
  @ConditionalOnDefaultWebSecurity
  public SecurityFilterChain profileKitSecurityFilterChain(
      HttpSecurity http, ProfileKitAuthenticationProvider provider, ProfileKitProperties properties) throws Exception {
    String[] publicPaths = properties.getSecurity().getPublicPaths().toArray(String[]::new);
    return http
        .authorizeHttpRequests(requests -> requests.requestMatchers(publicPaths).permitAll().anyRequest().authenticated())
        .oauth2ResourceServer(provider.resourceServer())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
