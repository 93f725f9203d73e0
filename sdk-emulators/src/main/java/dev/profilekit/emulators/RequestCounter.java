package dev.profilekit.emulators;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests an AWS SDK client sends, by operation name, so tests can prove cost
 * claims such as "a stored-profile read is exactly one {@code GetItem}". Retries count as
 * separate requests, because each costs a round trip.
 *
 * <pre>{@code
 * RequestCounter dynamoRequests = new RequestCounter();
 * DynamoDbClient dynamoDb = env.dynamoDb(dynamoRequests);
 * ...
 * assertThat(dynamoRequests.operations()).containsExactly("GetItem");
 * }</pre>
 */
public final class RequestCounter implements ExecutionInterceptor {

  private final List<String> operations = new ArrayList<>();
  private final List<SdkRequest> requests = new ArrayList<>();

  /** Creates a counter with nothing counted. */
  public RequestCounter() {}

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    synchronized (operations) {
      operations.add(operation);
      requests.add(context.request());
    }
  }

  /**
   * Returns the requests sent since the last {@link #reset()}, in order, to check what was sent.
   *
   * @return a copy of the requests
   */
  public List<SdkRequest> requests() {
    synchronized (operations) {
      return List.copyOf(requests);
    }
  }

  /**
   * Returns the operation names of the requests sent since the last {@link #reset()}, in order.
   *
   * @return a copy of the operation names
   */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  /**
   * Returns how many requests were sent since the last {@link #reset()}.
   *
   * @return the count
   */
  public int count() {
    synchronized (operations) {
      return operations.size();
    }
  }

  /** Forgets everything counted so far. */
  public void reset() {
    synchronized (operations) {
      operations.clear();
      requests.clear();
    }
  }
}
