package dev.profilekit.examples.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the service answers with an error status and a small JSON body; thrown from request
 * handling and turned into the response in one place. Messages never quote a token or a rejected
 * value.
 */
public final class HttpProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final Map<String, Object> body;
  private final Map<String, String> headers;

  private HttpProblem(int status, Map<String, Object> body, Map<String, String> headers) {
    super(status + " " + body.get("error"), null, false, false);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  static HttpProblem of(int status, String error, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    return new HttpProblem(status, body, new LinkedHashMap<>());
  }

  /** 400 naming the field and the rule it broke, as {@code InvalidRequestException} does. */
  static HttpProblem invalid(String field, String rule, String message) {
    HttpProblem problem = of(400, "invalid_request", message);
    problem.body.put("field", field);
    problem.body.put("rule", rule);
    return problem;
  }

  /**
   * 413 for a request body over the limit.
   *
   * @param maxBytes the limit, in bytes
   * @return the problem
   */
  public static HttpProblem tooLarge(int maxBytes) {
    return of(413, "payload_too_large", "the body is larger than " + maxBytes + " bytes").with("maxBytes", maxBytes);
  }

  HttpProblem with(String key, Object value) {
    body.put(key, value);
    return this;
  }

  HttpProblem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * The response status.
   *
   * @return the HTTP status code
   */
  public int status() {
    return status;
  }

  /**
   * The response body: {@code error}, {@code message} and, where they apply, the field and rule.
   *
   * @return the JSON object
   */
  public Map<String, Object> body() {
    return body;
  }

  /**
   * The response headers the problem needs ({@code Allow}, {@code ETag}, {@code Retry-After}...).
   *
   * @return header names and values
   */
  public Map<String, String> headers() {
    return headers;
  }
}
