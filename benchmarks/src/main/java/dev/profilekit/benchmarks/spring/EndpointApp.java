package dev.profilekit.benchmarks.spring;

import dev.profilekit.ProfileUpdate;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.examples.spring.ProfileApplication;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The example application ({@link ProfileApplication}, its controller and the starter) with one
 * decoder, the in-memory service holding one stored profile, and one valid access token; {@link
 * #get()} is one {@code GET /me/profile} dispatched in process by MockMvc through the servlet
 * filters the application registers (Spring Security's chain among them, in their order), the
 * {@code DispatcherServlet}, the controller and the JSON writer: everything but the socket and
 * Tomcat's parsing. In process because on a loaded 2-core machine a request over loopback waits
 * for three threads to be scheduled, which is what it then measured (18 ms a request at load 24).
 *
 * <p>{@link #start} proves the benchmark measures the right path: the decoder named is the one the
 * context has, the profile read answers 200 with the seeded user's stored profile over real HTTP
 * and through MockMvc, a tampered token is refused with 401 both ways, and the decoder fetched the
 * key set once.
 */
final class EndpointApp implements AutoCloseable {

  private final JwksEndpoint jwks;
  private final ConfigurableApplicationContext context;
  private final MockMvc mvc;
  private final String authorization;

  private EndpointApp(JwksEndpoint jwks, ConfigurableApplicationContext context, MockMvc mvc, String authorization) {
    this.jwks = jwks;
    this.context = context;
    this.mvc = mvc;
    this.authorization = authorization;
  }

  /** MockMvc with the application's servlet filters, as Tomcat runs them. */
  private static MockMvc mockMvc(ConfigurableApplicationContext context) {
    DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
    for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context.getBeanFactory())) {
      if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()) {
        builder.addFilter(registration.getFilter(), registration.getUrlPatterns().toArray(String[]::new));
      }
    }
    return builder.build();
  }

  static EndpointApp start(Decoder decoder) throws Exception {
    JwksEndpoint jwks = new JwksEndpoint();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(ProfileApplication.class, DecoderConfigurations.of(decoder))
        .web(WebApplicationType.SERVLET)
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "profilekit.backend=in-memory",
            "profilekit.user-pool-id=eu-west-1_Bench1234",
            "profilekit.client-id=" + DecoderConfigurations.CLIENT_ID,
            "profilekit.table-name=profiles",
            "profilekit.security.public-paths=/healthz,/actuator/health,/error",
            DecoderConfigurations.JWKS_PROPERTY + "=" + jwks.uri())
        .run();
    EndpointApp app = null;
    try {
      boolean profileKit = decoder != Decoder.NIMBUS;
      if (context.getBeanNamesForType(CognitoTokenVerifier.class).length != (profileKit ? 1 : 0)
          || context.getBeanNamesForType(JwtDecoder.class).length != (profileKit ? 0 : 1)) {
        throw new IllegalStateException("the context does not authenticate with " + decoder);
      }
      InMemoryUserProfileService fake = context.getBean(InMemoryUserProfileService.class);
      SeededUser ada = fake.seed(TestUsers.email("ada@example.com").givenName("Ada").familyName("Lovelace"));
      // A stored profile, so the read is the stored-profile path rather than the fallback.
      context.getBean(UserProfileService.class).updateProfile(ada.verifiedUser(), ProfileUpdate.builder().displayName("Ada L.").build());
      TestTokens tokens = context.getBean(TestTokens.class);
      if (!tokens.issuer().equals(DecoderConfigurations.ISSUER)) {
        throw new IllegalStateException("the fake mints tokens of " + tokens.issuer());
      }
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      URI uri = URI.create("http://127.0.0.1:" + port + "/me/profile");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      // The token lives an hour; a measured run of one variant takes under a minute.
      String authorization = "Bearer " + tokens.validAccessToken(ada);
      HttpRequest read = HttpRequest.newBuilder(uri).header("Authorization", authorization).GET().build();
      app = new EndpointApp(jwks, context, mockMvc(context), authorization);

      HttpResponse<String> first = http.send(read, HttpResponse.BodyHandlers.ofString());
      if (first.statusCode() != 200 || !first.body().contains(ada.userId()) || !first.body().contains("\"STORED\"")) {
        throw new IllegalStateException(decoder + ": GET /me/profile answered " + first.statusCode() + " " + first.body());
      }
      HttpRequest tampered = HttpRequest.newBuilder(uri)
          .header("Authorization", "Bearer " + tokens.accessToken(ada).tamperedSignature().sign()).GET().build();
      int refused = http.send(tampered, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (refused != 401) {
        throw new IllegalStateException(decoder + ": a tampered token answered " + refused);
      }
      String inProcess = app.mvc.perform(MockMvcRequestBuilders.get("/me/profile").header("Authorization", authorization))
          .andReturn().getResponse().getContentAsString();
      if (!inProcess.equals(first.body())) {
        throw new IllegalStateException(decoder + ": MockMvc answered " + inProcess + ", HTTP " + first.body());
      }
      int refusedInProcess = app.mvc.perform(MockMvcRequestBuilders.get("/me/profile")
          .header("Authorization", "Bearer " + tokens.accessToken(ada).tamperedSignature().sign())).andReturn().getResponse().getStatus();
      if (refusedInProcess != 401) {
        throw new IllegalStateException(decoder + ": a tampered token answered " + refusedInProcess + " through MockMvc");
      }
      if (jwks.requests() != 1) {
        throw new IllegalStateException(decoder + ": the key set was requested " + jwks.requests() + " times, not once");
      }
      return app;
    } catch (Exception e) {
      if (app != null) {
        app.close();
      } else {
        context.close();
        jwks.close();
      }
      throw e;
    }
  }

  /**
   * One profile read.
   *
   * @return the body's length, for the blackhole
   * @throws Exception if the dispatch fails
   */
  int get() throws Exception {
    MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/me/profile").header("Authorization", authorization))
        .andReturn().getResponse();
    if (response.getStatus() != 200) {
      throw new IllegalStateException("GET /me/profile answered " + response.getStatus());
    }
    return response.getContentAsByteArray().length;
  }

  @Override
  public void close() {
    context.close();
    jwks.close();
  }
}
