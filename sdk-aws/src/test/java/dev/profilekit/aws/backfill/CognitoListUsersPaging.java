package dev.profilekit.aws.backfill;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
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
 */
final class CognitoListUsersPaging implements ExecutionInterceptor {

  static final int COGNITO_MAX_LIMIT = 60;
  private static final String TOKEN_PREFIX = "page-after:";

  private final AtomicInteger pagesServed = new AtomicInteger();

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes executionAttributes) {
    if (!(context.response() instanceof ListUsersResponse response) || !(context.request() instanceof ListUsersRequest request)) {
      return context.response();
    }
    int limit = request.limit() == null ? COGNITO_MAX_LIMIT : request.limit();
    if (limit < 0 || limit > COGNITO_MAX_LIMIT) {
      throw InvalidParameterException.builder().message("Limit must be at most 60").statusCode(400).build();
    }
    int offset = request.paginationToken() == null ? 0 : decode(request.paginationToken());
    List<UserType> all = response.users();
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
