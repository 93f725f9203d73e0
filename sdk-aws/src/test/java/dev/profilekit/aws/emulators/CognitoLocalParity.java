package dev.profilekit.aws.emulators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Rewrites the one cognito-local answer that contradicts AWS in a way ProfileKit cannot tell
 * apart: {@code ChangePassword} with a wrong current password, which cognito-local answers with
 * {@code InvalidPasswordException} (AWS: {@code NotAuthorizedException}; AWS uses {@code
 * InvalidPasswordException} for a new password that breaks the policy, which cognito-local never
 * checks). Every other response passes through untouched.
 *
 * <p>Used by the contract run on the emulators, whose {@code
 * changePasswordWithAWrongCurrentPasswordFailsWithInvalidCredentials} needs it; {@code
 * CognitoErrorsTest} maps both of AWS's answers, and {@code docs/emulators.md} lists it.
 */
public final class CognitoLocalParity implements ExecutionInterceptor {

  private static final String WRONG = "InvalidPasswordException";
  private static final String AWS = "NotAuthorizedException";

  /** Creates the interceptor. */
  public CognitoLocalParity() {}

  /**
   * Applies to cognito-local's own answer to a ChangePassword: not to one that a stand-in such as
   * {@link AwsAnswers} gave instead (its refused requests reach the emulator under another name).
   */
  private static boolean applies(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    return "ChangePassword".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && context.httpResponse().statusCode() == 400
        && context.httpRequest().firstMatchingHeader("X-Amz-Target").filter(target -> target.endsWith(".ChangePassword")).isPresent();
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    SdkHttpResponse response = context.httpResponse();
    if (!applies(context, attributes)) {
      return response;
    }
    return response.firstMatchingHeader("x-amzn-ErrorType")
        .filter(type -> type.startsWith(WRONG))
        .map(type -> response.toBuilder().putHeader("x-amzn-ErrorType", AWS).build())
        .orElse(response);
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    if (body.isEmpty() || !applies(context, attributes)) {
      return body;
    }
    try (InputStream in = body.get()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(WRONG, AWS);
      return Optional.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
