package dev.profilekit.aws.backfill;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects a failure: the n-th call of one operation fails before anything is sent, so the
 * emulator never sees it. By default as a lost connection would; or with the service error given
 * (throttling, for example), as AWS would answer once the SDK's retries are spent. {@link
 * #afterAnswer(String, int)} fails the call after the service has carried it out, as a crash
 * between the request and its answer would.
 */
public final class FailOnCall implements ExecutionInterceptor {

  private final String operation;
  private final int failingCall;
  private final Supplier<SdkException> failure;
  private final boolean afterAnswer;
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * Fails the n-th call of an operation before it is sent, as a lost connection.
   *
   * @param operation the operation name, for example {@code PutItem}
   * @param failingCall which call fails, from 1
   */
  public FailOnCall(String operation, int failingCall) {
    this(operation, failingCall, () -> SdkClientException.create("injected failure of " + operation + " call " + failingCall));
  }

  /**
   * Fails the n-th call of an operation before it is sent, with the given failure.
   *
   * @param operation the operation name
   * @param failingCall which call fails, from 1
   * @param failure what the call throws
   */
  public FailOnCall(String operation, int failingCall, Supplier<SdkException> failure) {
    this(operation, failingCall, failure, false);
  }

  private FailOnCall(String operation, int failingCall, Supplier<SdkException> failure, boolean afterAnswer) {
    this.operation = operation;
    this.failingCall = failingCall;
    this.failure = failure;
    this.afterAnswer = afterAnswer;
  }

  /**
   * Lets the n-th call of an operation reach the service and take effect, then fails it as a lost
   * answer would: the caller cannot tell that the call succeeded.
   *
   * @param operation the operation name
   * @param failingCall which call fails, from 1
   * @return the interceptor
   */
  public static FailOnCall afterAnswer(String operation, int failingCall) {
    return new FailOnCall(operation, failingCall,
        () -> SdkClientException.create("injected loss of the answer to " + operation + " call " + failingCall), true);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    if (!afterAnswer && operation.equals(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && calls.incrementAndGet() == failingCall) {
      throw failure.get();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
    if (afterAnswer && operation.equals(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && calls.incrementAndGet() == failingCall) {
      throw failure.get();
    }
  }
}
