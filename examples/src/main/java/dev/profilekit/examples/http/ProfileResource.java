package dev.profilekit.examples.http;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import java.io.PrintStream;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /me/profile} resource without a web framework: what a {@code GET} returns and how a
 * {@code PATCH} (media type, {@code If-Match}, merge-patch body) becomes a profile update, with
 * every refusal as an {@link HttpProblem}. The JDK server's {@link ProfileHttpService} and the
 * Spring Boot example both serve it, so the two APIs answer alike.
 */
public final class ProfileResource {

  /** RFC 9110 section 8.8.3: {@code entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE}. */
  private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
  private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

  private final UserProfileService service;
  private final PrintStream log;

  /**
   * Creates the resource.
   *
   * @param service the service that stores the profiles
   * @param log where unexpected failures are logged (their type only)
   */
  public ProfileResource(UserProfileService service, PrintStream log) {
    this.service = Objects.requireNonNull(service, "service");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Reads the user's profile ({@code GET /me/profile}).
   *
   * @param user the authenticated user
   * @return the profile
   */
  public UserProfile get(VerifiedUser user) {
    return service.getProfile(user);
  }

  /**
   * Applies a {@code PATCH /me/profile}: checks the media type, {@code If-Match} and the body, then
   * updates the profile.
   *
   * @param user the authenticated user
   * @param contentTypeHeader the {@code Content-Type} header, or null
   * @param ifMatchHeader the {@code If-Match} header, or null
   * @param body the request body, already read within the size limit
   * @return the profile as stored after the update
   * @throws HttpProblem for every request the API refuses, with its status
   */
  public UserProfile patch(VerifiedUser user, String contentTypeHeader, String ifMatchHeader, String body) {
    String contentType = Optional.ofNullable(contentTypeHeader).orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.equals("application/merge-patch+json")) {
      throw HttpProblem.of(415, "unsupported_media_type", "send application/json or application/merge-patch+json")
          .header("Accept-Patch", "application/merge-patch+json, application/json");
    }
    Optional<Long> expectedVersion = expectedVersion(ifMatchHeader);
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(body);
    } catch (ParseException malformed) {
      json = null;
    }
    // nimbus parses the body "null" to a null map rather than refusing it (a fuzzing finding: it was a 500).
    if (json == null) {
      throw HttpProblem.invalid("body", "json", "the body must be one well-formed JSON object");
    }
    requireWritable(json);
    ProfileUpdate update = ProfileJson.toUpdate(json, expectedVersion);
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
      names.removeSubscription();
    }
    if (body.get("customFields") instanceof Map<?, ?> customFields) {
      customFields.keySet().forEach(name -> names.removeCustomField(String.valueOf(name)));
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

  /**
   * The {@code ETag} of a profile version: the version, quoted.
   *
   * @param version the profile's version
   * @return the entity tag, such as {@code "3"}
   */
  public static String entityTag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The profile as the API's JSON object (maps, lists, strings, numbers, booleans).
   *
   * @param profile the profile
   * @return the JSON object
   */
  public static Map<String, Object> toJson(UserProfile profile) {
    return ProfileJson.toJson(profile);
  }
}
