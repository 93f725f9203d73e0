package dev.profilekit.aws;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;

/**
 * Stands in for AWS's {@code GetTokensFromRefreshToken} on an app client with refresh token
 * rotation enabled, which cognito-local (5.3.0) lacks: it answers as the API reference describes.
 * A refresh returns new ID and access tokens and a new refresh token, and "invalidates the original
 * refresh token" (retry grace period 0): presenting a replaced token again is refused with {@code
 * RefreshTokenReuseException}, as AWS refuses "a refresh token that has been invalidated by
 * refresh-token rotation". Used with rotation on by the contract run and {@code
 * RefreshTokenRotationIT}; {@code docs/emulators.md} lists it.
 *
 * <p>How: the request still travels to cognito-local (real client, marshalling and HTTP), as the
 * {@code REFRESH_TOKEN_AUTH} refresh cognito-local has, with the sign-in's refresh token behind the
 * presented one; so the ID and access tokens are cognito-local's own, signed by its key. The answer
 * gets the new refresh token, opaque as AWS's are (cognito-local's are JWTs). A refused request
 * reaches cognito-local as an operation it does not know, so that it changes nothing, and its
 * answer is replaced by AWS's. {@code RevokeToken} with a new refresh token revokes the sign-in's
 * token behind it at cognito-local (the whole rotated session, as signing out must). A refresh
 * with a token of a user {@link GlobalSignOutAsAws} signed out is refused as there ({@code
 * NotAuthorizedException} "Refresh Token has been revoked").
 *
 * <p>Not modelled: the retry grace period (AWS: 0 to 60 s, per app client), {@code ClientSecret}
 * checking (cognito-local checks no secret either), {@code DeviceKey}.
 */
final class RefreshRotationAsAws implements ExecutionInterceptor {

  private record Refusal(String errorType, String message) {}

  private static final ExecutionAttribute<String> BEHIND = new ExecutionAttribute<>("RefreshRotationAsAws.behind");
  private static final ExecutionAttribute<String> PRESENTED = new ExecutionAttribute<>("RefreshRotationAsAws.presented");
  private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("RefreshRotationAsAws.body");
  private static final ExecutionAttribute<Refusal> REFUSED = new ExecutionAttribute<>("RefreshRotationAsAws.refused");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Predicate<String> signedOutEverywhere;
  /** Each refresh token this stand-in issued, to the cognito-local refresh token of the sign-in behind it. */
  private final Map<String, String> behind = new ConcurrentHashMap<>();
  /** Refresh tokens rotation replaced. */
  private final Set<String> replaced = ConcurrentHashMap.newKeySet();
  private final List<GetTokensFromRefreshTokenRequest> requests = new ArrayList<>();

  /**
   * Creates the stand-in.
   *
   * @param signedOutEverywhere tells whether a cognito-local refresh token was revoked by a global
   *     sign-out (for example {@link GlobalSignOutAsAws#revokesRefreshToken})
   */
  RefreshRotationAsAws(Predicate<String> signedOutEverywhere) {
    this.signedOutEverywhere = signedOutEverywhere;
  }

  /**
   * Returns the {@code GetTokensFromRefreshToken} requests received, in order.
   *
   * @return a copy
   */
  List<GetTokensFromRefreshTokenRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    // Revoking a rotated session's refresh token revokes the sign-in's token cognito-local knows.
    if (context.request() instanceof RevokeTokenRequest revoke && revoke.token() != null && behind.containsKey(revoke.token())) {
      return revoke.toBuilder().token(behind.get(revoke.token())).build();
    }
    return context.request();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof GetTokensFromRefreshTokenRequest refresh)) {
      return;
    }
    synchronized (requests) {
      requests.add(refresh);
    }
    String presented = refresh.refreshToken();
    String signIn = presented == null ? null : behind.getOrDefault(presented, presented);
    if (signIn != null && signedOutEverywhere.test(signIn)) {
      attributes.putAttribute(REFUSED, new Refusal("NotAuthorizedException", "Refresh Token has been revoked"));
      return;
    }
    // Decided now, before the request is sent: of concurrent refreshes with one token, one claims
    // it and the others are refused, as AWS refuses all but one. A refresh cognito-local refuses
    // gives the token back (see modifyHttpResponseContent).
    if (presented == null || !replaced.add(presented)) {
      attributes.putAttribute(REFUSED, new Refusal("RefreshTokenReuseException", "Refresh token has been invalidated by rotation"));
      return;
    }
    attributes.putAttribute(PRESENTED, presented);
    attributes.putAttribute(BEHIND, signIn);
    try {
      attributes.putAttribute(BODY, JSONObjectUtils.toJSONString(Map.of(
          "AuthFlow", "REFRESH_TOKEN_AUTH",
          "ClientId", refresh.clientId(),
          "AuthParameters", Map.of("REFRESH_TOKEN", signIn))).getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not write the InitiateAuth body", e);
    }
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    SdkHttpRequest request = context.httpRequest();
    if (attributes.getAttribute(REFUSED) != null) {
      return request.toBuilder().putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.RefusedByRefreshRotationAsAws").build();
    }
    byte[] body = attributes.getAttribute(BODY);
    if (body == null) {
      return request;
    }
    return request.toBuilder()
        .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
        .putHeader("Content-Length", Integer.toString(body.length))
        .build();
  }

  @Override
  public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] body = attributes.getAttribute(BODY);
    return body == null || attributes.getAttribute(REFUSED) != null ? context.requestBody() : Optional.of(RequestBody.fromBytes(body));
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Refusal refusal = attributes.getAttribute(REFUSED);
    if (refusal == null) {
      return context.httpResponse();
    }
    return context.httpResponse().toBuilder()
        .statusCode(400)
        .statusText("Bad Request")
        .putHeader("x-amzn-ErrorType", refusal.errorType())
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("Content-Length", Integer.toString(errorBody(refusal).length))
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Refusal refusal = attributes.getAttribute(REFUSED);
    if (refusal != null) {
      // cognito-local's answer to the unknown operation is dropped: closed, so its connection returns to the pool.
      context.responseBody().ifPresent(dropped -> {
        try {
          dropped.close();
        } catch (IOException e) {
          // The connection is then discarded instead of reused.
        }
      });
      return Optional.of(new ByteArrayInputStream(errorBody(refusal)));
    }
    String presented = attributes.getAttribute(PRESENTED);
    if (presented == null) {
      return context.responseBody();
    }
    if (context.httpResponse().statusCode() != 200 || context.responseBody().isEmpty()) {
      // cognito-local refused it (revoked, unknown): its error is AWS's too, and nothing was replaced.
      replaced.remove(presented);
      return context.responseBody();
    }
    try (InputStream in = context.responseBody().get()) {
      Map<String, Object> answer = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, Object> result = JSONObjectUtils.getJSONObject(answer, "AuthenticationResult");
      if (result == null) {
        throw new IllegalStateException("cognito-local answered a refresh without AuthenticationResult");
      }
      String replacement = newRefreshToken();
      behind.put(replacement, attributes.getAttribute(BEHIND));
      result.put("RefreshToken", replacement);
      return Optional.of(new ByteArrayInputStream(JSONObjectUtils.toJSONString(answer).getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("cognito-local answered a refresh that is not JSON", e);
    }
  }

  private static byte[] errorBody(Refusal refusal) {
    return ("{\"__type\":\"" + refusal.errorType() + "\",\"message\":\"" + refusal.message() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** Opaque, as AWS's refresh tokens are to their holder. */
  private static String newRefreshToken() {
    byte[] bytes = new byte[96];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
