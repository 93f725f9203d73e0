package dev.profilekit.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The profile API of {@code ProfileHttpService} as a Spring Boot application: {@code GET
 * /healthz}, {@code GET /me/profile} and {@code PATCH /me/profile}, secured by the ProfileKit
 * starter. It has no security configuration of its own: the starter's resource server accepts the
 * user pool's access tokens.
 *
 * <p>Run it on AWS with the three settings as environment variables ({@code
 * PROFILEKIT_USER_POOL_ID}, {@code PROFILEKIT_CLIENT_ID}, {@code PROFILEKIT_TABLE_NAME}) and the
 * SDK's usual credentials; see {@code docs/spring-boot.md}.
 */
@SpringBootApplication
public class ProfileApplication {

  /** Creates the application class; Spring calls it. */
  public ProfileApplication() {}

  /**
   * Starts the application.
   *
   * @param args Spring Boot's command-line arguments ({@code --server.port=8081}...)
   */
  public static void main(String[] args) {
    SpringApplication.run(ProfileApplication.class, args);
  }
}
