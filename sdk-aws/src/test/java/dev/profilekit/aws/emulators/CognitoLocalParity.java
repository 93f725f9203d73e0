package dev.profilekit.aws.emulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Rewrites the cognito-local answers that contradict AWS in a way ProfileKit cannot tell apart,
 * each an error code cognito-local gives where AWS gives another; every other response passes
 * through untouched.
 *
 * <ul>
 *   <li>{@code ChangePassword} with a wrong current password: cognito-local answers {@code
 *       InvalidPasswordException}, AWS {@code NotAuthorizedException} (AWS uses {@code
 *       InvalidPasswordException} for a new password that breaks the policy, which cognito-local
 *       never checks). The contract's {@code
 *       changePasswordWithAWrongCurrentPasswordFailsWithInvalidCredentials} needs it; {@code
 *       CognitoErrorsTest} maps both of AWS's answers.
 *   <li>{@code DeleteUser} with the token of a user already deleted: cognito-local answers {@code
 *       NotAuthorizedException} (its only refusal there: it does not check tokens), AWS {@code
 *       UserNotFoundException} ("User does not exist."). {@code AccountDeletionIT} shows the raw
 *       answer.
 * </ul>
 *
 * <p>Used by the contract run on the emulators; {@code docs/emulators.md} lists both.
 */
public final class CognitoLocalParity implements ExecutionInterceptor {

  private record Rewrite(String cognitoLocal, String aws) {}

  private static final Map<String, Rewrite> REWRITES = Map.of(
      "ChangePassword", new Rewrite("InvalidPasswordException", "NotAuthorizedException"),
      "DeleteUser", new Rewrite("NotAuthorizedException", "UserNotFoundException"));

  /** Creates the interceptor. */
  public CognitoLocalParity() {}

  /**
   * Applies to cognito-local's own answer to the operation: not to one that a stand-in such as
   * {@link AwsAnswers} gave instead (its refused requests reach the emulator under another name).
   */
  private static Optional<Rewrite> rewrite(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Rewrite rewrite = REWRITES.get(operation);
    if (rewrite == null || context.httpResponse().statusCode() != 400
        || context.httpRequest().firstMatchingHeader("X-Amz-Target").filter(target -> target.endsWith("." + operation)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rewrite);
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    return rewrite(context, attributes)
        .flatMap(rewrite -> response.firstMatchingHeader("x-amzn-ErrorType")
            .filter(type -> type.startsWith(rewrite.cognitoLocal()))
            .map(type -> response.toBuilder().putHeader("x-amzn-ErrorType", rewrite.aws()).build()))
        .orElse(response);
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    Optional<Rewrite> rewrite = rewrite(context, attributes);
    if (body.isEmpty() || rewrite.isEmpty()) {
      return body;
    }
    try (InputStream in = body.get()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(rewrite.get().cognitoLocal(), rewrite.get().aws());
      return Optional.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
