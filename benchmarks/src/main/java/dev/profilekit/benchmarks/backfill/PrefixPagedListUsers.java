package dev.profilekit.benchmarks.backfill;

import java.util.Locale;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;

/**
 * Makes cognito-local's {@code ListUsers} page like Cognito's. cognito-local ignores {@code Limit}
 * and {@code PaginationToken} and answers every user at once; but it does apply a {@code sub ^=}
 * filter, and {@link SeededCognitoLocal} gives the users of page {@code n} subs starting with
 * {@code n} in 8 hex digits. So page {@code n} is asked for as that prefix filter: each call is a
 * real round trip returning one page, and nothing is held between calls, so memory measurements
 * see the backfill's own memory, not a cached pool.
 *
 * <p>Only for requests without a filter of their own and with the page size the pool was seeded
 * for; anything else fails loudly rather than measuring something else.
 */
final class PrefixPagedListUsers implements ExecutionInterceptor {

  private static final ExecutionAttribute<Integer> PAGE = new ExecutionAttribute<>("ProfileKitBenchListUsersPage");
  private static final String TOKEN_PREFIX = "bench-page-";

  private final int pages;
  private final int pageSize;

  PrefixPagedListUsers(int users, int pageSize) {
    this.pages = (users + pageSize - 1) / pageSize;
    this.pageSize = pageSize;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof ListUsersRequest request)) {
      return context.request();
    }
    if (request.filter() != null || (request.limit() != null && request.limit() != pageSize)) {
      throw new IllegalStateException("the benchmark pool pages by " + pageSize + " users without filters");
    }
    int page = request.paginationToken() == null ? 0 : Integer.parseInt(request.paginationToken().substring(TOKEN_PREFIX.length()));
    attributes.putAttribute(PAGE, page);
    return request.toBuilder()
        .limit(null)
        .paginationToken(null)
        .filter(String.format(Locale.ROOT, "sub ^= \"%08x\"", page))
        .build();
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
    Integer page = attributes.getAttribute(PAGE);
    if (page == null || !(context.response() instanceof ListUsersResponse response)) {
      return context.response();
    }
    return response.toBuilder().paginationToken(page + 1 < pages ? TOKEN_PREFIX + (page + 1) : null).build();
  }
}
