package dev.profilekit.examples.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The service's routes: {@code GET /healthz}, {@code GET /me/profile} and {@code PATCH
 * /me/profile}. Every failure becomes a status and a small JSON body here, in one place.
 */
final class ProfileRoutes implements HttpHandler {

  private static final String REALM = "Bearer realm=\"profilekit\"";
  private static final Map<String, Object> HEALTHY = Map.of("status", "ok");

  private final UserProfileService service;
  private final ProfileResource resource;
  private final int maxBodyBytes;
  private final PrintStream log;

  ProfileRoutes(UserProfileService service, int maxBodyBytes, PrintStream log) {
    this.service = service;
    this.resource = new ProfileResource(service, log);
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (HttpProblem problem) {
        problem.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, problem.status(), problem.body());
      } catch (RuntimeException unexpected) {
        // Only the type is logged: a message could carry request data.
        log.println("profile-http: unexpected " + unexpected.getClass().getName());
        send(exchange, 500, Map.of("error", "internal_error"));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    if (path.equals("/healthz")) {
      requireMethod(method, "GET");
      send(exchange, 200, HEALTHY);
    } else if (path.equals("/me/profile")) {
      requireMethod(method, "GET", "PATCH");
      VerifiedUser user = authenticate(exchange);
      UserProfile profile = method.equals("GET")
          ? resource.get(user)
          : resource.patch(user, exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("If-Match"), readBody(exchange));
      exchange.getResponseHeaders().set("ETag", ProfileResource.entityTag(profile.version()));
      send(exchange, 200, ProfileResource.toJson(profile));
    } else {
      throw HttpProblem.of(404, "not_found", "no such resource");
    }
  }

  private static void requireMethod(String method, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    throw HttpProblem.of(405, "method_not_allowed", "allowed: " + String.join(", ", allowed))
        .header("Allow", String.join(", ", allowed));
  }

  private VerifiedUser authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    // RFC 6750 section 3.1: a request without credentials gets the bare challenge, no error code.
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      throw HttpProblem.of(401, "unauthorized", "a bearer token is required").header("WWW-Authenticate", REALM);
    }
    try {
      return service.verify(header.substring(7).trim());
    } catch (TokenRejectedException rejected) {
      String reason = rejected.reason().name();
      String description = reason.toLowerCase(Locale.ROOT).replace('_', ' ');
      switch (rejected.reason()) {
        case KEYS_UNAVAILABLE:
          throw HttpProblem.of(503, "unavailable", "the user pool's keys cannot be fetched; retry").header("Retry-After", "1");
        case MISSING_SCOPE:
        case MISSING_GROUP:
          throw HttpProblem.of(403, "insufficient_scope", "the token lacks a required " + (reason.equals("MISSING_SCOPE") ? "scope" : "group"))
              .with("reason", reason)
              .header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", error_description=\"" + description + "\"");
        default:
          throw HttpProblem.of(401, "invalid_token", "the bearer token was rejected: " + description)
              .with("reason", reason)
              .header("WWW-Authenticate", REALM + ", error=\"invalid_token\", error_description=\"" + description + "\"");
      }
    }
  }

  private String readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBodyBytes) {
          throw HttpProblem.tooLarge(maxBodyBytes);
        }
      } catch (NumberFormatException e) {
        throw HttpProblem.invalid("Content-Length", "number", "Content-Length is a number of bytes");
      }
    }
    // Chunked bodies have no declared length: stop reading one byte past the limit.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        body.write(buffer, 0, read);
        if (body.size() > maxBodyBytes) {
          throw HttpProblem.tooLarge(maxBodyBytes);
        }
      }
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
    byte[] bytes = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
