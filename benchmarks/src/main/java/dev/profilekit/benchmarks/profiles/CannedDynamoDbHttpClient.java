package dev.profilekit.benchmarks.profiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An in-process {@link SdkHttpClient} that answers each DynamoDB operation with a canned
 * response, so a benchmark measures only the client side: request building, validation,
 * marshalling, signing, unmarshalling and, for ProfileKit, its own mapping. It reads the request
 * body to the end, as a transport writing it to a socket would.
 */
final class CannedDynamoDbHttpClient implements SdkHttpClient {

  private static final String TARGET_PREFIX = "DynamoDB_20120810.";

  private final Map<String, RecordedResponses.Response> byOperation;

  /**
   * Creates the client.
   *
   * @param byOperation the response of each operation, for example {@code GetItem}
   */
  CannedDynamoDbHttpClient(Map<String, RecordedResponses.Response> byOperation) {
    this.byOperation = Map.copyOf(byOperation);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        RecordedResponses.Response canned = byOperation.get(target.substring(Math.min(target.length(), TARGET_PREFIX.length())));
        if (canned == null) {
          throw new IOException("no canned response for " + target);
        }
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream body = request.contentStreamProvider().get().newStream()) {
            body.transferTo(OutputStream.nullOutputStream());
          }
        }
        return HttpExecuteResponse.builder()
            .response(SdkHttpResponse.builder().statusCode(canned.status()).headers(canned.headers()).build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(canned.body())))
            .build();
      }

      @Override
      public void abort() {
        // Nothing in flight: the answer is in memory.
      }
    };
  }

  @Override
  public String clientName() {
    return "ProfileKitBenchCanned";
  }

  @Override
  public void close() {
    // Holds only byte arrays.
  }
}
