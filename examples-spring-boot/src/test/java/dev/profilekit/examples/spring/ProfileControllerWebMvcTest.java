package dev.profilekit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.testing.InMemoryUserProfileService;
import dev.profilekit.testing.SeededUser;
import dev.profilekit.testing.TestTokens;
import dev.profilekit.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A {@code @WebMvcTest} slice of the example's controller: with {@code profilekit-testing} on the
 * test classpath the starter's in-memory service and resource server are part of the slice, so
 * the slice needs no AWS and no security set-up of its own, and {@link TestTokens} authenticate.
 */
@WebMvcTest(
    controllers = ProfileController.class,
    properties = {
        "profilekit.user-pool-id=us-east-1_SliceEx1",
        "profilekit.client-id=slice-example",
        "profilekit.table-name=profiles"})
@Import(ProfileControllerWebMvcTest.AdminOnly.class)
class ProfileControllerWebMvcTest {

  @Autowired MockMvc mvc;
  @Autowired InMemoryUserProfileService fake;
  @Autowired UserProfileService service;
  @Autowired TestTokens tokens;

  private SeededUser ada;

  @BeforeEach
  void seed() {
    ada = fake.seed(TestUsers.email("ada-" + System.nanoTime() + "@example.com").givenName("Ada"));
  }

  /** A route only the admin group may call, as an application would secure one. */
  @RestController
  @EnableMethodSecurity
  static class AdminOnly {
    @GetMapping("/admin/whoami")
    @PreAuthorize("hasRole('admin')")
    String whoami(@AuthenticationPrincipal VerifiedUser user) {
      return user.userId();
    }
  }

  @Test
  void theSliceRunsOnTheInMemoryServiceOfTheConfiguredPool() {
    assertThat(service).isSameAs(fake);
    assertThat(tokens.issuer()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SliceEx1");
    assertThat(tokens.clientId()).isEqualTo("slice-example");
  }

  @Test
  void aTestTokenReadsTheProfile() throws Exception {
    mvc.perform(get("/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.validAccessToken(ada)))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
        .andExpect(jsonPath("$.userId").value(ada.userId()))
        .andExpect(jsonPath("$.givenName").value("Ada"));
  }

  @Test
  void aBadTokenGets401WithTheReasonInTheChallenge() throws Exception {
    mvc.perform(get("/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(ada).tamperedSignature().sign()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
            startsWith("Bearer error=\"invalid_token\", error_description=\"bad signature\"")))
        .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEmpty());
    mvc.perform(get("/me/profile").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.expiredIdToken(ada)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error_description=\"expired\"")));
  }

  @Test
  void noTokenGets401WithTheBareChallenge() throws Exception {
    mvc.perform(get("/me/profile"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, allOf(startsWith("Bearer"), not(containsString("error=")))));
  }

  @Test
  void hasRoleReadsTheCognitoGroups() throws Exception {
    mvc.perform(get("/admin/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(ada).groups("admin").sign()))
        .andExpect(status().isOk())
        .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(ada.userId()));
    mvc.perform(get("/admin/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken(ada).groups("readers").sign()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.validAccessToken(ada)))
        .andExpect(status().isForbidden());
  }
}
