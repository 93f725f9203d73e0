package dev.profilekit.examples.spring;

import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.examples.http.HttpProblem;
import dev.profilekit.examples.http.ProfileHttpService;
import dev.profilekit.examples.http.ProfileResource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes. What {@code /me/profile} answers, refusals included, is {@link ProfileResource}'s,
 * the same code the JDK server example runs; Spring adds routing and the authenticated user.
 */
@RestController
class ProfileController {

  private final ProfileResource resource;

  ProfileController(UserProfileService service) {
    // Like the JDK server example: only an unexpected failure's type is logged, to standard error.
    this.resource = new ProfileResource(service, System.err);
  }

  @GetMapping("/healthz")
  ResponseEntity<Map<String, Object>> healthz() {
    return json(ResponseEntity.ok(), Map.of("status", "ok"));
  }

  @GetMapping("/me/profile")
  ResponseEntity<Map<String, Object>> read(@AuthenticationPrincipal VerifiedUser user) {
    return profile(resource.get(user));
  }

  @PatchMapping("/me/profile")
  ResponseEntity<Map<String, Object>> patch(
      @AuthenticationPrincipal VerifiedUser user,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody(required = false) byte[] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    if (bytes.length > ProfileHttpService.DEFAULT_MAX_BODY_BYTES) {
      throw HttpProblem.tooLarge(ProfileHttpService.DEFAULT_MAX_BODY_BYTES);
    }
    return profile(resource.patch(user, contentType, ifMatch, new String(bytes, StandardCharsets.UTF_8)));
  }

  @ExceptionHandler(HttpProblem.class)
  ResponseEntity<Map<String, Object>> problem(HttpProblem problem) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
    problem.headers().forEach((name, value) -> response.header(name, value));
    return json(response, problem.body());
  }

  private static ResponseEntity<Map<String, Object>> profile(UserProfile profile) {
    return json(ResponseEntity.ok().eTag(ProfileResource.entityTag(profile.version())), ProfileResource.toJson(profile));
  }

  private static ResponseEntity<Map<String, Object>> json(ResponseEntity.BodyBuilder response, Map<String, Object> body) {
    return response.contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff").body(body);
  }
}
