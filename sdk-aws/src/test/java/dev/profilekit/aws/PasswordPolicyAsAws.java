package dev.profilekit.aws;

import dev.profilekit.aws.emulators.AwsAnswers;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminSetUserPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChangePasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;

/**
 * Stands in for the password policy AWS enforces and cognito-local does not, with {@link
 * AwsAnswers}: a new password that breaks the user pool's default policy (8 characters or more,
 * with a digit, an upper and a lower case letter, and one of Cognito's symbols) is refused with
 * {@code InvalidPasswordException} at {@code SignUp}, {@code ChangePassword}, {@code
 * ConfirmForgotPassword}, {@code RespondToAuthChallenge} ({@code NEW_PASSWORD}), {@code
 * AdminSetUserPassword} and {@code AdminCreateUser} (its {@code TemporaryPassword}), as AWS refuses it; a refused request never takes effect at the emulator.
 *
 * <p>The policy and the symbol set are the defaults of the Cognito developer guide ("Password
 * requirements"); the test pools are created without a policy of their own.
 */
final class PasswordPolicyAsAws {

  /** The symbols Cognito counts ({@code ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -}). */
  private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
  private static final String MESSAGE = "Password did not conform with policy: Password must satisfy the user pool's requirements";

  private PasswordPolicyAsAws() {}

  /**
   * Adds the policy to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  static AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .failWhen("SignUp", weak(SignUpRequest.class, SignUpRequest::password), 400, "InvalidPasswordException", MESSAGE)
        .failWhen("ChangePassword", weak(ChangePasswordRequest.class, ChangePasswordRequest::proposedPassword), 400,
            "InvalidPasswordException", MESSAGE)
        .failWhen("ConfirmForgotPassword", weak(ConfirmForgotPasswordRequest.class, ConfirmForgotPasswordRequest::password), 400,
            "InvalidPasswordException", MESSAGE)
        .failWhen("RespondToAuthChallenge",
            weak(RespondToAuthChallengeRequest.class, r -> r.challengeResponses().get("NEW_PASSWORD")), 400, "InvalidPasswordException", MESSAGE)
        .failWhen("AdminSetUserPassword", weak(AdminSetUserPasswordRequest.class, AdminSetUserPasswordRequest::password), 400,
            "InvalidPasswordException", MESSAGE)
        .failWhen("AdminCreateUser", weak(AdminCreateUserRequest.class, AdminCreateUserRequest::temporaryPassword), 400,
            "InvalidPasswordException", MESSAGE);
  }

  private static <T extends SdkRequest> Predicate<SdkRequest> weak(Class<T> type, Function<T, String> password) {
    return request -> {
      String candidate = password.apply(type.cast(request));
      return candidate != null && !meetsDefaultPolicy(candidate);
    };
  }

  /**
   * Tells whether a password meets Cognito's default policy.
   *
   * @param password the password
   * @return true when AWS would accept it
   */
  static boolean meetsDefaultPolicy(String password) {
    return password.length() >= 8
        && password.chars().anyMatch(c -> c >= '0' && c <= '9')
        && password.chars().anyMatch(c -> c >= 'A' && c <= 'Z')
        && password.chars().anyMatch(c -> c >= 'a' && c <= 'z')
        && password.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0);
  }
}
