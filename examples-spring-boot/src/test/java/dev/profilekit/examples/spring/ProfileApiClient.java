package dev.profilekit.examples.spring;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

/** Real HTTP requests to the running example, as its users send them. */
final class ProfileApiClient {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final URI base;

  ProfileApiClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send(request(path, token).GET());
  }

  HttpResponse<String> patch(String token, String contentType, String ifMatch, String body) throws Exception {
    HttpRequest.Builder request = request("/me/profile", token).method("PATCH", BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }
}
