package dev.profilekit.aws.backfill;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects a failure: the n-th call of one operation fails as a lost connection would, before
 * anything is sent, so the emulator never sees it.
 */
final class FailOnCall implements ExecutionInterceptor {

  private final String operation;
  private final int failingCall;
  private final AtomicInteger calls = new AtomicInteger();

  FailOnCall(String operation, int failingCall) {
    this.operation = operation;
    this.failingCall = failingCall;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    if (operation.equals(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && calls.incrementAndGet() == failingCall) {
      throw SdkClientException.create("injected failure of " + operation + " call " + failingCall);
    }
  }
}
