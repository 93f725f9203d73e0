package dev.profilekit.internal;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidRequestException;

/**
 * The argument and setting checks both implementations make before any call, with the field and
 * rule names their {@link InvalidRequestException}s carry, so that a caller sees the same field and
 * rule whichever implementation refused the request. Builders fail one way (docs/decisions.md): a
 * missing or invalid setting is an {@link InvalidRequestException} whose field is the setting's
 * name and whose rule is one of the rule constants here.
 */
public final class RequestChecks {

  /** Rule: the argument is missing. */
  public static final String REQUIRED = "required";
  /** Rule: the argument does not have the required format. */
  public static final String FORMAT = "format";
  /** Rule: the text is empty or only white space. */
  public static final String NOT_BLANK = "not-blank";
  /** Rule: the collection is empty. */
  public static final String NOT_EMPTY = "not-empty";
  /** Rule: the number or duration is outside its range. */
  public static final String RANGE = "range";
  /** Rule: the number is below its minimum. */
  public static final String MIN = "min";
  /** Rule: the duration is zero or negative. */
  public static final String POSITIVE = "positive";
  /** Rule: the text does not match its pattern. */
  public static final String PATTERN = "pattern";
  /** Rule: the URL is not https (http only for loopback hosts). */
  public static final String HTTPS = "https";
  /** Rule: two settings that exclude each other are both set. */
  public static final String EXCLUSIVE = "exclusive";
  /** Rule: counts that must add up do not. */
  public static final String CONSISTENT = "consistent";

  // The other rules, by name; each is used by one check or more (grep the constant).
  /** Rule {@code absolute-uri}. */
  public static final String ABSOLUTE_URI = "absolute-uri";
  /** Rule {@code asymmetric}. */
  public static final String ASYMMETRIC = "asymmetric";
  /** Rule {@code attribute-name}. */
  public static final String ATTRIBUTE_NAME = "attribute-name";
  /** Rule {@code bearer-syntax}. */
  public static final String BEARER_SYNTAX = "bearer-syntax";
  /** Rule {@code cognito-invalid-parameter}. */
  public static final String COGNITO_INVALID_PARAMETER = "cognito-invalid-parameter";
  /** Rule {@code email}. */
  public static final String EMAIL = "email";
  /** Rule {@code email-format}. */
  public static final String EMAIL_FORMAT = "email-format";
  /** Rule {@code finite-number}. */
  public static final String FINITE_NUMBER = "finite-number";
  /** Rule {@code host-required}. */
  public static final String HOST_REQUIRED = "host-required";
  /** Rule {@code https-origin}. */
  public static final String HTTPS_ORIGIN = "https-origin";
  /** Rule {@code https-required}. */
  public static final String HTTPS_REQUIRED = "https-required";
  /** Rule {@code job-name}. */
  public static final String JOB_NAME = "job-name";
  /** Rule {@code jwk-set}. */
  public static final String JWK_SET = "jwk-set";
  /** Rule {@code matches-step}. */
  public static final String MATCHES_STEP = "matches-step";
  /** Rule {@code max-length}. */
  public static final String MAX_LENGTH = "max-length";
  /** Rule {@code no-fragment}. */
  public static final String NO_FRAGMENT = "no-fragment";
  /** Rule {@code no-resume}. */
  public static final String NO_RESUME = "no-resume";
  /** Rule {@code no-trailing-slash}. */
  public static final String NO_TRAILING_SLASH = "no-trailing-slash";
  /** Rule {@code offered-option}. */
  public static final String OFFERED_OPTION = "offered-option";
  /** Rule {@code openid-required}. */
  public static final String OPENID_REQUIRED = "openid-required";
  /** Rule {@code password-needs-password}. */
  public static final String PASSWORD_NEEDS_PASSWORD = "password-needs-password";
  /** Rule {@code pending}. */
  public static final String PENDING = "pending";
  /** Rule {@code percent-encoding}. */
  public static final String PERCENT_ENCODING = "percent-encoding";
  /** Rule {@code plain-url}. */
  public static final String PLAIN_URL = "plain-url";
  /** Rule {@code registered-callback}. */
  public static final String REGISTERED_CALLBACK = "registered-callback";
  /** Rule {@code same-user-pool}. */
  public static final String SAME_USER_POOL = "same-user-pool";
  /** Rule {@code status-required}. */
  public static final String STATUS_REQUIRED = "status-required";
  /** Rule {@code syntax}. */
  public static final String SYNTAX = "syntax";
  /** Rule {@code url}. */
  public static final String URL = "url";
  /** Rule {@code user-status}. */
  public static final String USER_STATUS = "user-status";

  // The profile rules: ProfilePolicy's, and the two DynamoDB limits both stores apply.
  /** Profile rule {@code not-negative}: a version or count is below zero. */
  public static final String NOT_NEGATIVE = "not-negative";
  /** Profile rule {@code max-update-size}: the encoded update is larger than the policy allows. */
  public static final String MAX_UPDATE_SIZE = "max-update-size";
  /** Profile rule {@code max-entries-per-update}: an update sets or removes more entries of one group than the policy allows. */
  public static final String MAX_ENTRIES_PER_UPDATE = "max-entries-per-update";
  /** Profile rule {@code max-value-size}: one encoded value is larger than the policy allows. */
  public static final String MAX_VALUE_SIZE = "max-value-size";
  /** Profile rule {@code name-pattern}: a custom-field or preference name does not match the policy's pattern. */
  public static final String NAME_PATTERN = "name-pattern";
  /** Profile rule {@code max-depth}: a value nests deeper than the policy allows. */
  public static final String MAX_DEPTH = "max-depth";
  /** Profile rule {@code max-collection-size}: a list or map has more elements than the policy allows. */
  public static final String MAX_COLLECTION_SIZE = "max-collection-size";
  /** Profile rule {@code map-key}: a map key is empty, too long, has control characters, or is {@code __proto__}. */
  public static final String MAP_KEY = "map-key";
  /** Profile rule {@code well-formed-text}: text has an unpaired surrogate. */
  public static final String WELL_FORMED_TEXT = "well-formed-text";
  /** Profile rule {@code number-range}: a number is outside DynamoDB's range or precision. */
  public static final String NUMBER_RANGE = "number-range";
  /** Profile rule {@code length}: a name or id is empty or longer than allowed. */
  public static final String LENGTH = "length";
  /** Profile rule {@code printable}: text has control characters or unpaired surrogates. */
  public static final String PRINTABLE = "printable";
  /** Profile rule {@code iana-zone-id}: a time zone is not an IANA zone id. */
  public static final String IANA_ZONE_ID = "iana-zone-id";
  /** Profile rule {@code url-syntax}: a URL does not parse as an absolute URL. */
  public static final String URL_SYNTAX = "url-syntax";
  /** Profile rule {@code url-host}: a URL has no host. */
  public static final String URL_HOST = "url-host";
  /** Profile rule {@code no-user-info}: a URL carries a user name or password. */
  public static final String NO_USER_INFO = "no-user-info";
  /** Profile rule {@code plan-pattern}: a subscription plan does not match its pattern. */
  public static final String PLAN_PATTERN = "plan-pattern";
  /** Profile rule {@code set-and-remove}: one update both sets and removes a field. */
  public static final String SET_AND_REMOVE = "set-and-remove";
  /** Profile rule {@code max-item-size}: the stored item would exceed DynamoDB's 400 KB. */
  public static final String MAX_ITEM_SIZE = "max-item-size";
  /** Profile rule {@code max-expression-length}: the update's DynamoDB expression would exceed DynamoDB's 4 KB. */
  public static final String MAX_EXPRESSION_LENGTH = "max-expression-length";

  /** Field: the session of a session call. */
  public static final String SESSION = "session";
  /** Field: the refresh token a session call needs. */
  public static final String REFRESH_TOKEN = "session.refreshToken";
  /** Field: the verified user of a profile call. */
  public static final String USER = "user";
  /** Field: the profile update. */
  public static final String UPDATE = "update";

  private RequestChecks() {}

  /**
   * Returns a required argument, or refuses a missing one.
   *
   * @param <T> the argument's type
   * @param value the argument
   * @param field its name, one of the field constants or a parameter name
   * @return the argument
   * @throws InvalidRequestException ({@code field}, {@value #REQUIRED}) when it is null
   */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field, REQUIRED, "a value is required");
    }
    return value;
  }

  /**
   * Returns a required text argument or setting, or refuses a missing or blank one.
   *
   * @param value the text
   * @param field its name
   * @return the text
   * @throws InvalidRequestException ({@code field}, {@value #REQUIRED} or {@value #NOT_BLANK})
   */
  public static String requiredText(String value, String field) {
    if (required(value, field).isBlank()) {
      throw new InvalidRequestException(field, NOT_BLANK, "must not be blank");
    }
    return value;
  }

  /**
   * Refuses an argument or setting that breaks a rule.
   *
   * @param holds whether the rule holds
   * @param field the input's name
   * @param rule one of the rule constants
   * @param explanation what the rule requires, without the rejected value
   * @throws InvalidRequestException ({@code field}, {@code rule}) when it does not hold
   */
  public static void check(boolean holds, String field, String rule, String explanation) {
    if (!holds) {
      throw new InvalidRequestException(field, rule, explanation);
    }
  }

  /**
   * Refuses a whole number outside {@code min..max}.
   *
   * @param value the number
   * @param min the smallest allowed
   * @param max the largest allowed
   * @param field the setting's name
   * @return the number
   * @throws InvalidRequestException ({@code field}, {@value #RANGE})
   */
  public static long range(long value, long min, long max, String field) {
    check(value >= min && value <= max, field, RANGE, min + " to " + max);
    return value;
  }

  /**
   * Returns the refresh token of a session, which {@code refresh} and {@code signOut} need. A
   * session without one (restored from ID and access tokens only) cannot be signed out, because
   * Cognito's {@code RevokeToken} revokes refresh tokens; both implementations refuse it instead
   * of doing nothing.
   *
   * @param session the session
   * @return the refresh token
   * @throws InvalidRequestException ({@value #SESSION} or {@value #REFRESH_TOKEN}, {@value
   *     #REQUIRED})
   */
  public static String refreshToken(AuthSession session) {
    return required(session, SESSION).refreshToken().orElseThrow(() -> new InvalidRequestException(
        REFRESH_TOKEN, REQUIRED, "a session from signIn, which holds a refresh token"));
  }
}
