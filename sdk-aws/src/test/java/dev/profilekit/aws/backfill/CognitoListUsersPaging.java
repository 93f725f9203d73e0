package dev.profilekit.aws.backfill;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Makes cognito-local's {@code ListUsers} page the way Cognito documents it: cognito-local
 * ignores {@code Limit} and {@code PaginationToken} and returns every user at once, so this
 * interceptor cuts its (stable, insertion-ordered) answer into pages of {@code Limit} users (at
 * most 60, default 60) with an opaque {@code PaginationToken}, absent on the last page, and
 * rejects a {@code Limit} above 60 or a token it did not issue, as Cognito does.
 *
 * <p>A listing's first call (no token) fetches every user and keeps that answer; later calls of
 * the listing still go to cognito-local, but with a filter that matches nobody, and their page
 * is cut from the kept answer. Every call is thus a real round trip (failures and call counts are
 * real), while 2,000 users are transferred once per listing rather than once per page. A
 * continuation with no kept answer (a resume in a new client) fetches every user again.
 */
public final class CognitoListUsersPaging implements ExecutionInterceptor {

  static final int COGNITO_MAX_LIMIT = 60;
  private static final String TOKEN_PREFIX = "page-after:";
  private static final String MATCHES_NOBODY = "sub = \"#no-such-user#\"";
  private static final ExecutionAttribute<ListUsersRequest> ORIGINAL = new ExecutionAttribute<>("ProfileKitListUsersOriginal");

  private final AtomicInteger pagesServed = new AtomicInteger();
  private final Map<String, List<UserType>> kept = new ConcurrentHashMap<>();

  /** Creates the interceptor with no listing kept; public for the backfill's fault test (aws.faults). */
  public CognitoListUsersPaging() {}

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
    if (!(context.request() instanceof ListUsersRequest request)) {
      return context.request();
    }
    executionAttributes.putAttribute(ORIGINAL, request);
    if (request.paginationToken() == null || !kept.containsKey(request.userPoolId())) {
      return request.toBuilder().paginationToken(null).limit(null).build();
    }
    return request.toBuilder().paginationToken(null).limit(null).filter(MATCHES_NOBODY).build();
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes executionAttributes) {
    ListUsersRequest request = executionAttributes.getAttribute(ORIGINAL);
    if (!(context.response() instanceof ListUsersResponse response) || request == null) {
      return context.response();
    }
    int limit = request.limit() == null ? COGNITO_MAX_LIMIT : request.limit();
    if (limit < 0 || limit > COGNITO_MAX_LIMIT) {
      throw InvalidParameterException.builder().message("Limit must be at most 60").statusCode(400).build();
    }
    int offset = request.paginationToken() == null ? 0 : decode(request.paginationToken());
    List<UserType> all;
    if (request.paginationToken() == null || !kept.containsKey(request.userPoolId())) {
      all = List.copyOf(response.users());
      kept.put(request.userPoolId(), all);
    } else {
      all = kept.get(request.userPoolId());
    }
    int end = Math.min(all.size(), offset + limit);
    pagesServed.incrementAndGet();
    return response.toBuilder()
        .users(all.subList(Math.min(offset, all.size()), end))
        .paginationToken(end < all.size() ? encode(end) : null)
        .build();
  }

  int pagesServed() {
    return pagesServed.get();
  }

  private static String encode(int offset) {
    return Base64.getEncoder().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(TOKEN_PREFIX)) {
        throw new IllegalArgumentException(text);
      }
      return Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw InvalidParameterException.builder().message("Invalid pagination token").statusCode(400).build();
    }
  }
}
