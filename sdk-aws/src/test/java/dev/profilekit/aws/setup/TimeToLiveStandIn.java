package dev.profilekit.aws.setup;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Stands in for DynamoDB's time to live, which dynalite lacks: it has no {@code UpdateTimeToLive}
 * ({@code 400 UnknownOperationException}), and its {@code DescribeTimeToLive} always says {@code
 * DISABLED}. This one keeps each table's TTL state and answers both as the AWS API reference says:
 * {@code UpdateTimeToLive} returns the specification and leaves the table {@code ENABLING} (AWS
 * takes up to an hour), a second change while one is pending or to an enabled table is a {@code
 * ValidationException}, and {@code DescribeTimeToLive} reports status and attribute. Tables can
 * also start with TTL on another attribute ({@link #enabledOn}). Every other operation goes to
 * dynalite untouched. {@code docs/emulators.md} lists it.
 */
final class TimeToLiveStandIn implements ExecutionInterceptor {

  private record State(String status, String attribute) {}

  private final Map<String, State> tables = new ConcurrentHashMap<>();
  private final List<UpdateTimeToLiveRequest> updates = new ArrayList<>();

  /** Starts a table with TTL already on for {@code attribute}, as another tool might have left it. */
  TimeToLiveStandIn enabledOn(String table, String attribute) {
    tables.put(table, new State("ENABLED", attribute));
    return this;
  }

  List<UpdateTimeToLiveRequest> updates() {
    synchronized (updates) {
      return List.copyOf(updates);
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!isOurs(attributes)) {
      return context.httpResponse();
    }
    boolean refused = context.request() instanceof UpdateTimeToLiveRequest update && tables.containsKey(update.tableName());
    // dynalite's CRC32 header describes its own body, not the one substituted here.
    return context.httpResponse().toBuilder().statusCode(refused ? 400 : 200).removeHeader("x-amz-crc32").build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (!isOurs(attributes)) {
      return context.responseBody();
    }
    return Optional.of(new ByteArrayInputStream(answer(context).getBytes(StandardCharsets.UTF_8)));
  }

  private String answer(Context.ModifyHttpResponse context) {
    if (context.request() instanceof DescribeTimeToLiveRequest describe) {
      State state = tables.get(describe.tableName());
      return state == null ? "{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"
          : "{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"" + state.status() + "\",\"AttributeName\":\"" + state.attribute() + "\"}}";
    }
    UpdateTimeToLiveRequest update = (UpdateTimeToLiveRequest) context.request();
    synchronized (updates) {
      updates.add(update);
    }
    if (tables.containsKey(update.tableName())) {
      return "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"TimeToLive is already enabled\"}";
    }
    String attribute = update.timeToLiveSpecification().attributeName();
    tables.put(update.tableName(), new State("ENABLING", attribute));
    return "{\"TimeToLiveSpecification\":{\"AttributeName\":\"" + attribute + "\",\"Enabled\":true}}";
  }

  private static boolean isOurs(ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return "UpdateTimeToLive".equals(operation) || "DescribeTimeToLive".equals(operation);
  }
}
