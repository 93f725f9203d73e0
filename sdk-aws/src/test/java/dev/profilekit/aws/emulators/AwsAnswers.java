package dev.profilekit.aws.emulators;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Stands in for AWS where an emulator lacks an operation or answers differently: for the chosen
 * operations, the emulator's HTTP answer is replaced by the one AWS gives (status and JSON body),
 * and every request of those operations is recorded so tests can check what was sent.
 *
 * <p>The request still travels to the emulator (so the client, signing and marshalling are the
 * real ones); only the answer is AWS's. Each use is listed in {@code docs/emulators.md}.
 *
 * <pre>{@code
 * AwsAnswers aws = new AwsAnswers().answer("GlobalSignOut", 200, "{}");
 * CognitoIdentityProviderClient cognito = env.cognito(aws);
 * }</pre>
 */
public final class AwsAnswers implements ExecutionInterceptor {

  private record Answer(int status, String body, String errorType) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<SdkRequest> requests = new ArrayList<>();

  /** Creates an interceptor that changes nothing until told to. */
  public AwsAnswers() {}

  /**
   * Answers an operation with a success.
   *
   * @param operation the operation name, for example {@code GlobalSignOut}
   * @param status the HTTP status
   * @param json the response body
   * @return this interceptor
   */
  public AwsAnswers answer(String operation, int status, String json) {
    answers.put(operation, new Answer(status, json, null));
    return this;
  }

  /**
   * Answers an operation with an AWS JSON-protocol error.
   *
   * @param operation the operation name
   * @param status the HTTP status, for example 400
   * @param errorCode the error code, for example {@code NotAuthorizedException}
   * @param message the error message
   * @return this interceptor
   */
  public AwsAnswers fail(String operation, int status, String errorCode, String message) {
    String body = "{\"__type\":\"" + errorCode + "\",\"message\":\"" + message + "\"}";
    answers.put(operation, new Answer(status, body, errorCode));
    return this;
  }

  /**
   * Returns the recorded requests of answered operations, in order.
   *
   * @return a copy of the requests
   */
  public List<SdkRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private Optional<Answer> answerFor(ExecutionAttributes attributes) {
    return Optional.ofNullable(answers.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (answerFor(attributes).isPresent()) {
      synchronized (requests) {
        requests.add(context.request());
      }
    }
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return answerFor(attributes).map(answer -> {
      SdkHttpResponse.Builder response = context.httpResponse().toBuilder()
          .statusCode(answer.status())
          .statusText(answer.status() == 200 ? "OK" : "Bad Request")
          .removeHeader("x-amzn-ErrorType")
          .putHeader("Content-Type", "application/x-amz-json-1.1")
          .putHeader("Content-Length", Integer.toString(answer.body().getBytes(StandardCharsets.UTF_8).length));
      if (answer.errorType() != null) {
        response.putHeader("x-amzn-ErrorType", answer.errorType());
      }
      return response.build();
    }).orElse(context.httpResponse());
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return answerFor(attributes)
        .<Optional<InputStream>>map(answer -> Optional.of(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))))
        .orElse(context.responseBody());
  }
}
