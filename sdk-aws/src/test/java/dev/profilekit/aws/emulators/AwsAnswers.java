package dev.profilekit.aws.emulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Stands in for AWS where an emulator lacks an operation or answers differently: for the chosen
 * operations, the emulator's HTTP answer is replaced by the one AWS gives (status and JSON body),
 * and every request of those operations is recorded so tests can check what was sent.
 *
 * <p>The request still travels to the emulator (so the client, signing and marshalling are the
 * real ones); only the answer is AWS's. A request answered with an error reaches the emulator as
 * an operation it does not know, so that, as on AWS, the refused request changes nothing. Each use is listed in {@code docs/emulators.md}.
 *
 * <pre>{@code
 * AwsAnswers aws = new AwsAnswers().answer("GlobalSignOut", 200, "{}");
 * CognitoIdentityProviderClient cognito = env.cognito(aws);
 * }</pre>
 *
 * <p>An answer may apply to some requests of an operation only ({@link #failWhen}); whether it
 * applies is decided once per request, before it is sent. An operation may have several such
 * answers: they are tried in the order given, and the first that applies is AWS's answer.
 */
public final class AwsAnswers implements ExecutionInterceptor {

  private record Answer(int status, String body, String errorType, Predicate<SdkRequest> when) {}

  /**
   * An answer made for one request by a stateful stand-in ({@link #replyWith}).
   *
   * @param status the HTTP status
   * @param body the JSON body
   * @param errorType the AWS error code of a refusal, or null for a success
   */
  public record Reply(int status, String body, String errorType) {

    /**
     * A success.
     *
     * @param json the response body
     * @return the reply
     */
    public static Reply ok(String json) {
      return new Reply(200, json, null);
    }

    /**
     * An AWS JSON-protocol error, HTTP 400.
     *
     * @param errorCode for example {@code CodeMismatchException}
     * @param message the message
     * @return the reply
     */
    public static Reply error(String errorCode, String message) {
      return new Reply(400, "{\"__type\":\"" + errorCode + "\",\"message\":\"" + message + "\"}", errorCode);
    }
  }

  /** The reply made for one request, with whether the emulator must not see it. */
  private record Made(Reply reply, boolean hidden) {}

  private static final ExecutionAttribute<Made> MADE = new ExecutionAttribute<>("AwsAnswers.made");


  /** By operation, in the order given: the first whose condition holds answers. */
  private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
  private final List<SdkRequest> requests = new ArrayList<>();
  /** By operation, in the order given, after the fixed answers: the first that replies answers. */
  private final Map<String, List<Function<SdkRequest, Optional<Reply>>>> repliers = new ConcurrentHashMap<>();

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
    return answerWhen(operation, request -> true, status, json);
  }

  /**
   * Answers the requests of an operation that match {@code when} with a success; the others get
   * the emulator's answer and are not recorded. {@code when} is called once per request, before
   * it is sent, so it may also take note of the request (what a stateful stand-in needs).
   *
   * @param operation the operation name
   * @param when which requests to answer
   * @param status the HTTP status
   * @param json the response body
   * @return this interceptor
   */
  public AwsAnswers answerWhen(String operation, Predicate<SdkRequest> when, int status, String json) {
    answers.computeIfAbsent(operation, name -> new CopyOnWriteArrayList<>()).add(new Answer(status, json, null, when));
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
    return failWhen(operation, request -> true, status, errorCode, message);
  }

  /**
   * Answers the requests of an operation that match {@code when} with an AWS JSON-protocol error;
   * the others get the emulator's answer and are not recorded.
   *
   * @param operation the operation name
   * @param when which requests AWS would refuse
   * @param status the HTTP status, for example 400
   * @param errorCode the error code, for example {@code NotAuthorizedException}
   * @param message the error message
   * @return this interceptor
   */
  public AwsAnswers failWhen(String operation, Predicate<SdkRequest> when, int status, String errorCode, String message) {
    String body = "{\"__type\":\"" + errorCode + "\",\"message\":\"" + message + "\"}";
    answers.computeIfAbsent(operation, name -> new CopyOnWriteArrayList<>()).add(new Answer(status, body, errorCode, when));
    return this;
  }

  /**
   * Answers the requests of an operation for which {@code reply} makes an answer: a stand-in that
   * keeps state of its own (sessions, codes) computes AWS's answer from the request. The answered
   * request reaches the emulator as an operation it does not know, success or not, so that the
   * stand-in alone decides what it changes. Tried after the fixed answers of the operation; a
   * request for which {@code reply} returns empty gets the emulator's answer and is not recorded.
   *
   * @param operation the operation name
   * @param reply AWS's answer to a request, or empty; called once per request, before it is sent
   * @return this interceptor
   */
  public AwsAnswers replyWith(String operation, Function<SdkRequest, Optional<Reply>> reply) {
    repliers.computeIfAbsent(operation, name -> new CopyOnWriteArrayList<>()).add(reply);
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

  private static Optional<Made> answerFor(ExecutionAttributes attributes) {
    return Optional.ofNullable(attributes.getAttribute(MADE));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    for (Answer answer : answers.getOrDefault(operation, List.of())) {
      if (answer.when().test(context.request())) {
        attributes.putAttribute(MADE, new Made(new Reply(answer.status(), answer.body(), answer.errorType()),
            answer.errorType() != null));
        record(context.request());
        return;
      }
    }
    for (Function<SdkRequest, Optional<Reply>> replier : repliers.getOrDefault(operation, List.of())) {
      Optional<Reply> reply = replier.apply(context.request());
      if (reply.isPresent()) {
        attributes.putAttribute(MADE, new Made(reply.get(), true));
        record(context.request());
        return;
      }
    }
  }

  private void record(SdkRequest request) {
    synchronized (requests) {
      requests.add(request);
    }
  }

  /**
   * A request AWS refuses changes nothing, so a refused one must not take effect at the emulator
   * either: it is sent as an operation the emulator does not know, and its answer replaced.
   */
  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    return answerFor(attributes)
        .filter(Made::hidden)
        .flatMap(answer -> context.httpRequest().firstMatchingHeader("X-Amz-Target"))
        .map(target -> context.httpRequest().toBuilder()
            .putHeader("X-Amz-Target", target.substring(0, target.indexOf('.') + 1) + "RefusedByAwsAnswers").build())
        .orElse(context.httpRequest());
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return answerFor(attributes).map(Made::reply).map(answer -> {
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

  /**
   * The emulator's own body is read to its end and closed before AWS's replaces it: the SDK
   * closes only the stream it is given, and an unread one keeps its pooled connection, so that
   * after a few dozen answered requests (the contract run's SRP sign-ins answer two each) every
   * call of the client waited for a free connection until it timed out.
   */
  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<Reply> reply = answerFor(attributes).map(Made::reply);
    if (reply.isEmpty()) {
      return context.responseBody();
    }
    context.responseBody().ifPresent(AwsAnswers::drain);
    return Optional.of(new ByteArrayInputStream(reply.get().body().getBytes(StandardCharsets.UTF_8)));
  }

  private static void drain(InputStream body) {
    try (InputStream in = body) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The emulator's answer is discarded anyway; a broken stream only costs its connection.
    }
  }
}
