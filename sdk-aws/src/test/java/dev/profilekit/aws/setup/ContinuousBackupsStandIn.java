package dev.profilekit.aws.setup;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;

/**
 * Stands in for DynamoDB's {@code UpdateContinuousBackups}, which dynalite lacks (it answers
 * {@code 400 UnknownOperationException}): records each request as the SDK built it and replaces
 * dynalite's refusal with the answer AWS documents. The first {@code unavailableAnswers} calls get
 * {@code ContinuousBackupsUnavailableException}, which AWS sends while a new table's backups are
 * being set up. Every other operation goes to dynalite untouched.
 */
final class ContinuousBackupsStandIn implements ExecutionInterceptor {

  private static final String OPERATION = "UpdateContinuousBackups";
  private static final String ENABLED = "{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
      + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"ENABLED\"}}}";
  private static final String UNAVAILABLE = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException\","
      + "\"message\":\"Backups are being enabled for the table. Please retry later\"}";

  private final List<UpdateContinuousBackupsRequest> requests = new ArrayList<>();
  private final List<SdkRequest> allRequests = new ArrayList<>();
  private final AtomicInteger unavailableLeft;

  ContinuousBackupsStandIn(int unavailableAnswers) {
    this.unavailableLeft = new AtomicInteger(unavailableAnswers);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    synchronized (allRequests) {
      allRequests.add(context.request());
    }
    if (context.request() instanceof UpdateContinuousBackupsRequest request) {
      synchronized (requests) {
        requests.add(request);
      }
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!isOurs(attributes)) {
      return context.httpResponse();
    }
    // dynalite's CRC32 header describes its own body, not the one substituted here.
    return context.httpResponse().toBuilder()
        .statusCode(unavailableLeft.get() > 0 ? 400 : 200)
        .removeHeader("x-amz-crc32")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!isOurs(attributes)) {
      return context.responseBody();
    }
    String body = unavailableLeft.getAndDecrement() > 0 ? UNAVAILABLE : ENABLED;
    return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  List<UpdateContinuousBackupsRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Every request the client sent, of any operation, as the SDK built it. */
  List<SdkRequest> allRequests() {
    synchronized (allRequests) {
      return List.copyOf(allRequests);
    }
  }

  private static boolean isOurs(ExecutionAttributes attributes) {
    return OPERATION.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }
}
