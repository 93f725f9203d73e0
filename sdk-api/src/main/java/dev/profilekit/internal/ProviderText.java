package dev.profilekit.internal;

import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import java.util.regex.Pattern;

/**
 * The one treatment of text that an identity provider, a token endpoint or a browser sent, before
 * it reaches an exception or a log: both implementations refuse a callback's {@code error} through
 * here, so neither echoes attacker-controlled text (CR/LF for log forging, an echoed request
 * holding a code, verifier or client secret).
 */
public final class ProviderText {

  /** What an OAuth error code that is not one is reported as. */
  public static final String INVALID_CALLBACK_ERROR = "invalid_callback_error";

  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}|[\\u2028\\u2029\\u0085]");
  private static final int MAX_DESCRIPTION_LENGTH = 200;

  private ProviderText() {}

  /**
   * Returns an OAuth error code if it looks like one ({@code [A-Za-z0-9_.-]}, 1 to 64 characters),
   * else {@value #INVALID_CALLBACK_ERROR}.
   *
   * @param error the code as received, may be null
   * @return the code or the placeholder
   */
  public static String errorCode(String error) {
    return error != null && ERROR_CODE.matcher(error).matches() ? error : INVALID_CALLBACK_ERROR;
  }

  /**
   * Returns an error code if it looks like one, else {@code fallback}.
   *
   * @param error the code as received, may be null
   * @param fallback what to report instead
   * @return the code or the fallback
   */
  public static String errorCodeOr(String error, String fallback) {
    return error != null && ERROR_CODE.matcher(error).matches() ? error : fallback;
  }

  /**
   * Returns human-readable provider text fit for one log line: control and line-separator
   * characters replaced by spaces, at most 200 characters.
   *
   * @param text the provider's text
   * @return the cleaned text
   */
  public static String printable(String text) {
    String cleaned = CONTROL.matcher(text).replaceAll(" ").strip();
    return cleaned.length() > MAX_DESCRIPTION_LENGTH ? cleaned.substring(0, MAX_DESCRIPTION_LENGTH) + "..." : cleaned;
  }

  /**
   * The refusal of a callback that carries an {@code error}: its code if it is one, its
   * description cleaned.
   *
   * @param callback a callback whose {@link FederatedCallback#error()} is present
   * @return the exception to throw
   */
  public static FederatedSignInException callbackRefusal(FederatedCallback callback) {
    String error = errorCode(callback.error().orElse(null));
    String description = callback.errorDescription().map(ProviderText::printable).filter(d -> !d.isEmpty())
        .map(d -> ": " + d).orElse("");
    return new FederatedSignInException(error, "the identity provider or Cognito refused the sign-in with error " + error + description);
  }
}
