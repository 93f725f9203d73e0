package dev.profilekit.examples;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Stands in for the global sign-out cognito-local lacks: it answers {@code GlobalSignOut} and
 * {@code AdminUserGlobalSignOut} with HTTP 500 {@code Unsupported}, and this interceptor turns that
 * answer into the empty success AWS returns. Only those two operations are touched.
 *
 * <p>Used by the emulator backend only, so that "sign out everywhere" can be shown there: the
 * rejection of older tokens ({@code REVOKED}) comes from ProfileKit's own sign-out record in the
 * profile table, which is real on the emulators; only Cognito's refresh-token invalidation is
 * missing there.
 */
final class CognitoLocalSignOut implements ExecutionInterceptor {

  private static final Set<String> OPERATIONS = Set.of("GlobalSignOut", "AdminUserGlobalSignOut");

  private static boolean applies(ExecutionAttributes attributes, int status) {
    return status == 500 && OPERATIONS.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    if (!applies(attributes, response.statusCode())) {
      return response;
    }
    return response.toBuilder().statusCode(200).statusText("OK").removeHeader("x-amzn-ErrorType").build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    // The status was already rewritten to 200 by modifyHttpResponse, so look at the operation only.
    if (!OPERATIONS.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        || context.httpResponse().statusCode() != 200) {
      return context.responseBody();
    }
    return Optional.of(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
  }
}
