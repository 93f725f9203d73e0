package dev.profilekit.spring.app;

import dev.profilekit.VerifiedUser;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest application a starter user writes: no security configuration of its own. */
@SpringBootApplication
@EnableMethodSecurity
public class StarterTestApplication {

  /** Two endpoints: who am I, and one for admins. */
  @RestController
  static class WhoAmI {

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal VerifiedUser user) {
      return Map.of("userId", user.userId(), "tokenUse", user.tokenUse().name(), "groups", user.groups());
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('admin')")
    Map<String, Object> admin(@AuthenticationPrincipal VerifiedUser user) {
      return Map.of("admin", user.userId());
    }
  }
}
