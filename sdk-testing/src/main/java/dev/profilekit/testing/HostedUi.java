package dev.profilekit.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The URLs of the fake hosted UI, built as a Cognito user pool domain builds them. */
final class HostedUi {

  private HostedUi() {}

  static URI authorizeUri(InMemoryServiceSettings settings, URI domain, String provider, URI redirectUri, String state, String nonce,
      String codeChallenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.clientId());
    query.put("redirect_uri", redirectUri.toString());
    query.put("identity_provider", provider);
    query.put("scope", "openid email profile");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    return URI.create(domain + "/oauth2/authorize?" + encode(query));
  }

  static URI logoutUri(InMemoryServiceSettings settings, URI domain, URI logoutRedirectUri) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", settings.clientId());
    query.put("logout_uri", logoutRedirectUri.toString());
    return URI.create(domain + "/logout?" + encode(query));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  /** Masks an email the way Cognito reports a code's destination: {@code a***@e***.com}. */
  static String mask(String email) {
    int at = email.indexOf('@');
    int dot = email.lastIndexOf('.');
    if (at < 1 || dot < at + 2) {
      return "***";
    }
    return email.charAt(0) + "***@" + email.charAt(at + 1) + "***" + email.substring(dot);
  }

  private static String encode(Map<String, String> query) {
    StringBuilder encoded = new StringBuilder();
    query.forEach((name, value) -> {
      if (encoded.length() > 0) {
        encoded.append('&');
      }
      encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return encoded.toString();
  }
}
