package dev.profilekit.benchmarks.profiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the HTTP responses a DynamoDB client receives, by operation, so that {@link
 * CannedDynamoDbHttpClient} can answer later calls with exactly those bytes (status, headers
 * including dynalite's CRC32, body) without any network or emulator.
 */
final class RecordedResponses implements ExecutionInterceptor {

  /** One recorded response. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {}

  private final Map<String, Response> byOperation = new ConcurrentHashMap<>();

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    byte[] body;
    try (InputStream in = context.responseBody().orElseGet(InputStream::nullInputStream)) {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    byOperation.put(operation, new Response(context.httpResponse().statusCode(), context.httpResponse().headers(), body));
    return Optional.of(new ByteArrayInputStream(body));
  }

  /**
   * Returns the last response recorded for an operation.
   *
   * @param operation for example {@code GetItem}
   * @return the response
   * @throws IllegalStateException if none was recorded
   */
  Response get(String operation) {
    Response response = byOperation.get(operation);
    if (response == null) {
      throw new IllegalStateException("no " + operation + " response was recorded");
    }
    return response;
  }
}
