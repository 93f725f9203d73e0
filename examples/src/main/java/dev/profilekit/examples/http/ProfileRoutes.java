package dev.profilekit.examples.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's routes: {@code GET /healthz}, {@code GET /me/profile} and {@code PATCH
 * /me/profile}. Every failure becomes a status and a small JSON body here, in one place.
 */
final class ProfileRoutes implements HttpHandler {

  private static final String REALM = "Bearer realm=\"profilekit\"";
  /** RFC 9110 section 8.8.3: {@code entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE}. */
  private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
  private static final Pattern VERSION = Pattern.compile("\\d{1,18}");
  private static final Map<String, Object> HEALTHY = Map.of("status", "ok");

  private final UserProfileService service;
  private final int maxBodyBytes;
  private final PrintStream log;

  ProfileRoutes(UserProfileService service, int maxBodyBytes, PrintStream log) {
    this.service = service;
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
      UserProfile profile = method.equals("GET") ? service.getProfile(user) : patch(exchange, user);
      exchange.getResponseHeaders().set("ETag", entityTag(profile.version()));
      send(exchange, 200, ProfileJson.toJson(profile));
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

  private UserProfile patch(HttpExchange exchange, VerifiedUser user) throws IOException {
    String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.equals("application/merge-patch+json")) {
      throw HttpProblem.of(415, "unsupported_media_type", "send application/json or application/merge-patch+json")
          .header("Accept-Patch", "application/merge-patch+json, application/json");
    }
    Optional<Long> expectedVersion = expectedVersion(exchange.getRequestHeaders().getFirst("If-Match"));
    Map<String, Object> body;
    try {
      body = JSONObjectUtils.parse(readBody(exchange));
    } catch (ParseException malformed) {
      throw HttpProblem.invalid("body", "json", "the body must be one well-formed JSON object");
    }
    requireWritable(body);
    ProfileUpdate update = ProfileJson.toUpdate(body, expectedVersion);
    try {
      return service.updateProfile(user, update);
    } catch (VersionConflictException conflict) {
      HttpProblem problem = HttpProblem.of(412, "version_conflict", "the profile changed since that version; GET it and retry")
          .with("expectedVersion", conflict.expectedVersion());
      conflict.actualVersion().ifPresent(actual -> problem.with("currentVersion", actual).header("ETag", entityTag(actual)));
      throw problem;
    } catch (ForbiddenFieldException forbidden) {
      throw HttpProblem.of(403, "forbidden_field", "this field is admin-only").with("field", forbidden.field());
    } catch (InvalidRequestException invalid) {
      // The exception names the field and rule and never quotes the rejected value, so it is safe to return.
      throw HttpProblem.invalid(invalid.field(), invalid.rule(), invalid.getMessage());
    } catch (ThrottledException | ServiceUnavailableException unavailable) {
      throw HttpProblem.of(503, "unavailable", "the profile store is busy; retry").header("Retry-After", "1");
    } catch (ProfileNotFoundException notFound) {
      throw HttpProblem.of(404, "not_found", "no such user");
    } catch (ProfileKitException other) {
      log.println("profile-http: update failed with " + other.getClass().getName());
      throw HttpProblem.of(500, "internal_error", "the update failed");
    }
  }

  /**
   * Field permission before shape: a body that writes an admin-only field gets 403 whatever the
   * field's value looks like, so a caller who may not write it never learns its schema from a 400.
   * The judgement is the service's own policy ({@code validateUserUpdate}), asked with an update
   * that names the body's fields and carries no values.
   */
  private void requireWritable(Map<String, Object> body) {
    ProfileUpdate.Builder names = ProfileUpdate.builder();
    if (body.containsKey("subscription")) {
      names.removeSubscription(true);
    }
    if (body.get("customFields") instanceof Map<?, ?> customFields) {
      customFields.keySet().forEach(name -> names.addRemoveCustomField(String.valueOf(name)));
    }
    try {
      service.policy().validateUserUpdate(names.build());
    } catch (ForbiddenFieldException forbidden) {
      throw HttpProblem.of(403, "forbidden_field", "this field is admin-only").with("field", forbidden.field());
    } catch (InvalidRequestException shape) {
      // Not a permission question: the full conversion and the service report it, with the field.
    }
  }

  /**
   * The version {@code If-Match} expects, per RFC 9110 section 13.1.1: absent or {@code *} patches
   * unconditionally; one strong entity tag as sent in {@code ETag}, such as {@code "3"}, is the
   * expected version. An entity tag that cannot match (weak, since If-Match compares strongly, or
   * not a version of ours) fails the precondition with 412. An unquoted or malformed value is a 400
   * naming the quoted form, and so is a list of several tags: an update expects one version.
   */
  private static Optional<Long> expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.trim().equals("*")) {
      return Optional.empty();
    }
    String value = ifMatch.trim();
    Matcher tag = ENTITY_TAG.matcher(value);
    if (!tag.matches()) {
      String hint = VERSION.matcher(value).matches() ? "quote it: If-Match: \"" + value + "\"" : "send the ETag as returned, such as \"3\"";
      if (value.contains(",")) {
        hint = "send one entity tag, the ETag last read";
      }
      throw HttpProblem.invalid("If-Match", "entity-tag", "If-Match takes an entity tag (RFC 9110); " + hint);
    }
    if (tag.group(1) != null || !VERSION.matcher(tag.group(2)).matches()) {
      throw HttpProblem.of(412, "precondition_failed", "If-Match matches no version of this profile; GET it for its ETag");
    }
    return Optional.of(Long.parseLong(tag.group(2)));
  }

  private String readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBodyBytes) {
          throw tooLarge();
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
          throw tooLarge();
        }
      }
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  private HttpProblem tooLarge() {
    return HttpProblem.of(413, "payload_too_large", "the body is larger than " + maxBodyBytes + " bytes").with("maxBytes", maxBodyBytes);
  }

  private static String entityTag(long version) {
    return "\"" + version + "\"";
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
