package dev.profilekit.aws.cognito.internal;

import static dev.profilekit.aws.cognito.internal.CognitoOperation.ASSOCIATE_SOFTWARE_TOKEN;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.GET_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.UPDATE_USER_ATTRIBUTES;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.VERIFY_USER_ATTRIBUTE;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.VERIFY_SOFTWARE_TOKEN;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_ADD_USER_TO_GROUP;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_CREATE_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_DISABLE_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_ENABLE_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_LIST_GROUPS_FOR_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_REMOVE_USER_FROM_GROUP;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_RESET_USER_PASSWORD;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.CREATE_GROUP;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_GET_USER;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.ADMIN_GLOBAL_SIGN_OUT;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.CHANGE_PASSWORD;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.CONFIRM_FORGOT_PASSWORD;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.CONFIRM_SIGN_UP;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.FORGOT_PASSWORD;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.GET_TOKENS_FROM_REFRESH_TOKEN;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.GLOBAL_SIGN_OUT;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.LIST_USERS;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.REFRESH;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.RESEND_CONFIRMATION_CODE;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.RESPOND_TO_CHALLENGE;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.REVOKE_TOKEN;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.SIGN_IN;
import static dev.profilekit.aws.cognito.internal.CognitoOperation.SIGN_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ClientConfigurationException;
import dev.profilekit.EmailInUseException;
import dev.profilekit.GroupNotFoundException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.PasswordResetRequiredException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TooManyAttemptsException;
import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.UserNotFoundException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Every Cognito error ProfileKit's calls can meet, mapped to the ProfileKit exception a caller
 * handles; no message carries what Cognito said (which can quote a parameter) or any secret.
 */
class CognitoErrorsTest {

  /** Planted in Cognito's message: it must never reach ours. */
  private static final String SECRET = "Pa55word-or-token-eyJhbGciOi";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(SIGN_IN, "NotAuthorizedException", 400, InvalidCredentialsException.class),
        Arguments.of(SIGN_IN, "UserNotFoundException", 400, InvalidCredentialsException.class),
        Arguments.of(SIGN_IN, "InvalidPasswordException", 400, InvalidCredentialsException.class),
        Arguments.of(SIGN_IN, "UserNotConfirmedException", 400, UserNotConfirmedException.class),
        Arguments.of(SIGN_IN, "PasswordResetRequiredException", 400, PasswordResetRequiredException.class),
        Arguments.of(SIGN_IN, "TooManyRequestsException", 400, ThrottledException.class),
        Arguments.of(SIGN_IN, "TooManyFailedAttemptsException", 400, TooManyAttemptsException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "TooManyFailedAttemptsException", 400, TooManyAttemptsException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "ExpiredCodeException", 400, InvalidCodeException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "MFAMethodNotFoundException", 400, ProfileKitException.class),
        Arguments.of(VERIFY_SOFTWARE_TOKEN, "EnableSoftwareTokenMFAException", 400, InvalidCodeException.class),
        Arguments.of(VERIFY_SOFTWARE_TOKEN, "CodeMismatchException", 400, InvalidCodeException.class),
        Arguments.of(VERIFY_SOFTWARE_TOKEN, "SoftwareTokenMFANotFoundException", 400, ClientConfigurationException.class),
        Arguments.of(ASSOCIATE_SOFTWARE_TOKEN, "SoftwareTokenMFANotFoundException", 400, ClientConfigurationException.class),
        Arguments.of(SIGN_IN, "InternalErrorException", 500, ServiceUnavailableException.class),
        Arguments.of(SIGN_IN, "Unsupported", 500, ServiceUnavailableException.class),
        Arguments.of(SIGN_IN, "InvalidParameterException", 400, InvalidRequestException.class),
        Arguments.of(SIGN_IN, "ResourceNotFoundException", 400, ProfileKitException.class),
        Arguments.of(SIGN_IN, "InvalidUserPoolConfigurationException", 400, ProfileKitException.class),
        Arguments.of(SIGN_IN, "UserLambdaValidationException", 400, ProfileKitException.class),
        Arguments.of(SIGN_IN, "ForbiddenException", 403, ProfileKitException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "NotAuthorizedException", 400, InvalidCredentialsException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "InvalidPasswordException", 400, PasswordPolicyException.class),
        Arguments.of(RESPOND_TO_CHALLENGE, "CodeMismatchException", 400, InvalidCodeException.class),
        Arguments.of(SIGN_UP, "UsernameExistsException", 400, UserAlreadyExistsException.class),
        Arguments.of(SIGN_UP, "AliasExistsException", 400, UserAlreadyExistsException.class),
        Arguments.of(SIGN_UP, "InvalidPasswordException", 400, PasswordPolicyException.class),
        Arguments.of(SIGN_UP, "CodeDeliveryFailureException", 400, ServiceUnavailableException.class),
        Arguments.of(SIGN_UP, "LimitExceededException", 400, ThrottledException.class),
        Arguments.of(SIGN_UP, "InvalidEmailRoleAccessPolicyException", 400, ProfileKitException.class),
        Arguments.of(CONFIRM_SIGN_UP, "CodeMismatchException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_SIGN_UP, "ExpiredCodeException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_SIGN_UP, "NotAuthorizedException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_SIGN_UP, "UserNotFoundException", 400, InvalidCodeException.class),
        Arguments.of(RESEND_CONFIRMATION_CODE, "UserNotFoundException", 400, InvalidCredentialsException.class),
        Arguments.of(RESEND_CONFIRMATION_CODE, "NotAuthorizedException", 400, InvalidCodeException.class),
        Arguments.of(RESEND_CONFIRMATION_CODE, "LimitExceededException", 400, ThrottledException.class),
        Arguments.of(FORGOT_PASSWORD, "UserNotFoundException", 400, InvalidCredentialsException.class),
        Arguments.of(FORGOT_PASSWORD, "NotAuthorizedException", 400, InvalidCredentialsException.class),
        Arguments.of(FORGOT_PASSWORD, "InvalidParameterException", 400, InvalidRequestException.class),
        Arguments.of(CONFIRM_FORGOT_PASSWORD, "CodeMismatchException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_FORGOT_PASSWORD, "ExpiredCodeException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_FORGOT_PASSWORD, "UserNotFoundException", 400, InvalidCodeException.class),
        Arguments.of(CONFIRM_FORGOT_PASSWORD, "InvalidPasswordException", 400, PasswordPolicyException.class),
        Arguments.of(CHANGE_PASSWORD, "NotAuthorizedException", 400, InvalidCredentialsException.class),
        Arguments.of(CHANGE_PASSWORD, "InvalidPasswordException", 400, PasswordPolicyException.class),
        Arguments.of(CHANGE_PASSWORD, "LimitExceededException", 400, ThrottledException.class),
        Arguments.of(REFRESH, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(REFRESH, "UserNotFoundException", 400, TokenRejectedException.class),
        // The errors the GetTokensFromRefreshToken API reference lists.
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "RefreshTokenReuseException", 400, TokenRejectedException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "UserNotFoundException", 400, TokenRejectedException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "InvalidParameterException", 400, InvalidRequestException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "TooManyRequestsException", 400, ThrottledException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "ResourceNotFoundException", 400, ProfileKitException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "OperationNotEnabledException", 400, ProfileKitException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "ForbiddenException", 400, ProfileKitException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "UserLambdaValidationException", 400, ProfileKitException.class),
        Arguments.of(GET_TOKENS_FROM_REFRESH_TOKEN, "InternalErrorException", 500, ServiceUnavailableException.class),
        Arguments.of(REVOKE_TOKEN, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(REVOKE_TOKEN, "UnsupportedTokenTypeException", 400, TokenRejectedException.class),
        Arguments.of(REVOKE_TOKEN, "UnauthorizedException", 400, ProfileKitException.class),
        Arguments.of(REVOKE_TOKEN, "UnsupportedOperationException", 400, ProfileKitException.class),
        Arguments.of(GLOBAL_SIGN_OUT, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(GLOBAL_SIGN_OUT, "Unsupported", 500, ServiceUnavailableException.class),
        Arguments.of(ADMIN_GLOBAL_SIGN_OUT, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_GLOBAL_SIGN_OUT, "NotAuthorizedException", 400, ProfileKitException.class),
        Arguments.of(ADMIN_GET_USER, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_GET_USER, "AccessDeniedException", 400, ProfileKitException.class),
        Arguments.of(ADMIN_CREATE_USER, "UsernameExistsException", 400, UserAlreadyExistsException.class),
        Arguments.of(ADMIN_CREATE_USER, "InvalidPasswordException", 400, PasswordPolicyException.class),
        Arguments.of(ADMIN_CREATE_USER, "InvalidParameterException", 400, InvalidRequestException.class),
        Arguments.of(ADMIN_DISABLE_USER, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_ENABLE_USER, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_RESET_USER_PASSWORD, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_RESET_USER_PASSWORD, "NotAuthorizedException", 400, ProfileKitException.class),
        Arguments.of(ADMIN_LIST_GROUPS_FOR_USER, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_ADD_USER_TO_GROUP, "ResourceNotFoundException", 400, GroupNotFoundException.class),
        Arguments.of(ADMIN_ADD_USER_TO_GROUP, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(ADMIN_REMOVE_USER_FROM_GROUP, "ResourceNotFoundException", 400, GroupNotFoundException.class),
        Arguments.of(ADMIN_REMOVE_USER_FROM_GROUP, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(CREATE_GROUP, "ResourceNotFoundException", 400, ProfileKitException.class),
        Arguments.of(LIST_USERS, "TooManyRequestsException", 400, ThrottledException.class),
        Arguments.of(LIST_USERS, "ThrottlingException", 400, ThrottledException.class),
        Arguments.of(LIST_USERS, "SomethingNewException", 503, ServiceUnavailableException.class),
        Arguments.of(UPDATE_USER_ATTRIBUTES, "AliasExistsException", 400, EmailInUseException.class),
        Arguments.of(UPDATE_USER_ATTRIBUTES, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(UPDATE_USER_ATTRIBUTES, "UserNotFoundException", 400, UserNotFoundException.class),
        Arguments.of(UPDATE_USER_ATTRIBUTES, "CodeDeliveryFailureException", 400, ServiceUnavailableException.class),
        Arguments.of(UPDATE_USER_ATTRIBUTES, "InvalidParameterException", 400, InvalidRequestException.class),
        Arguments.of(VERIFY_USER_ATTRIBUTE, "CodeMismatchException", 400, InvalidCodeException.class),
        Arguments.of(VERIFY_USER_ATTRIBUTE, "ExpiredCodeException", 400, InvalidCodeException.class),
        Arguments.of(VERIFY_USER_ATTRIBUTE, "AliasExistsException", 400, EmailInUseException.class),
        Arguments.of(VERIFY_USER_ATTRIBUTE, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(VERIFY_USER_ATTRIBUTE, "LimitExceededException", 400, ThrottledException.class),
        Arguments.of(GET_USER, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(ASSOCIATE_SOFTWARE_TOKEN, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(VERIFY_SOFTWARE_TOKEN, "NotAuthorizedException", 400, TokenRejectedException.class),
        Arguments.of(GET_USER, "UserNotFoundException", 400, UserNotFoundException.class));
  }

  @ParameterizedTest(name = "{0} {1} ({2}) -> {3}")
  @MethodSource("table")
  void mapsEachErrorToTheExceptionCallersHandleWithoutQuotingCognito(
      CognitoOperation operation, String code, int status, Class<? extends ProfileKitException> expected) {
    CognitoIdentityProviderException failure = (CognitoIdentityProviderException) CognitoIdentityProviderException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("Value '" + SECRET + "' failed").build())
        .statusCode(status)
        .requestId("req-123")
        .message("Value '" + SECRET + "' failed")
        .build();

    ProfileKitException mapped = CognitoErrors.map(operation, failure);

    assertThat(mapped).isExactlyInstanceOf(expected);
    assertThat(mapped.getMessage()).doesNotContain(SECRET);
    assertThat(mapped.getCause()).isNull();
  }

  @Test
  void aWrongPasswordAndAnUnknownUserAreIndistinguishable() {
    ProfileKitException wrongPassword = CognitoErrors.map(SIGN_IN, failure("NotAuthorizedException"));
    ProfileKitException unknownUser = CognitoErrors.map(SIGN_IN, failure("UserNotFoundException"));
    ProfileKitException emulatorWrongPassword = CognitoErrors.map(SIGN_IN, failure("InvalidPasswordException"));

    assertThat(unknownUser).hasSameClassAs(wrongPassword).hasMessage(wrongPassword.getMessage());
    assertThat(emulatorWrongPassword).hasSameClassAs(wrongPassword).hasMessage(wrongPassword.getMessage());
  }

  @Test
  void unreachableCognitoIsRetryableUnavailabilityWithTheClientCause() {
    SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:1 failed");

    ProfileKitException mapped = CognitoErrors.map(SIGN_IN, refused);

    assertThat(mapped).isInstanceOf(ServiceUnavailableException.class);
    assertThat(mapped.isRetryable()).isTrue();
    assertThat(mapped.getCause()).isSameAs(refused);
  }

  static Stream<Arguments> secretMisconfigurations() {
    // What Cognito says when the app client has a secret and the call's SECRET_HASH is wrong or
    // absent; both arrive as NotAuthorizedException, which otherwise means bad credentials.
    String wrongHash = "Unable to verify secret hash for client 4bmsrr65ah3oas5d4sd54st11k";
    String noHash = "Client 4bmsrr65ah3oas5d4sd54st11k is configured with secret but SECRET_HASH was not received";
    return Stream.of(SIGN_IN, REFRESH, GET_TOKENS_FROM_REFRESH_TOKEN, CONFIRM_SIGN_UP, FORGOT_PASSWORD, CONFIRM_FORGOT_PASSWORD,
            RESEND_CONFIRMATION_CODE, REVOKE_TOKEN, RESPOND_TO_CHALLENGE)
        .flatMap(operation -> Stream.of(Arguments.of(operation, wrongHash), Arguments.of(operation, noHash)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("secretMisconfigurations")
  void aSecretHashRefusalIsAConfigurationErrorNotAWrongPasswordOrARevokedToken(CognitoOperation operation, String said) {
    ProfileKitException mapped = CognitoErrors.map(operation, failure("NotAuthorizedException", said));

    assertThat(mapped).isExactlyInstanceOf(ClientConfigurationException.class);
    assertThat(mapped.getMessage())
        .contains("app client secret")
        .doesNotContain("4bmsrr65ah3oas5d4sd54st11k")
        .doesNotContain(said);
    assertThat(mapped.getCause()).isNull();
  }

  @Test
  void anAccessTokenWithoutTheUserAdminScopeIsMissingScopeNotRevoked() {
    // A hosted-UI access token without aws.cognito.signin.user.admin: Cognito refuses the
    // token-authorised user APIs with this NotAuthorizedException.
    String said = "Access Token does not have required scopes";
    for (CognitoOperation operation : new CognitoOperation[] {GLOBAL_SIGN_OUT, CHANGE_PASSWORD}) {
      ProfileKitException mapped = CognitoErrors.map(operation, failure("NotAuthorizedException", said));

      assertThat(mapped).isExactlyInstanceOf(TokenRejectedException.class);
      assertThat(((TokenRejectedException) mapped).reason()).isEqualTo(TokenRejectedException.Reason.MISSING_SCOPE);
      assertThat(mapped.getMessage()).contains("aws.cognito.signin.user.admin");
    }
  }

  @Test
  void aReusedPasswordIsAPasswordPolicyError() {
    for (CognitoOperation operation : new CognitoOperation[] {CHANGE_PASSWORD, CONFIRM_FORGOT_PASSWORD, RESPOND_TO_CHALLENGE}) {
      ProfileKitException mapped = CognitoErrors.map(operation, failure("PasswordHistoryPolicyViolationException", SECRET));

      assertThat(mapped).isExactlyInstanceOf(PasswordPolicyException.class);
      assertThat(mapped.getMessage()).contains("recently used").doesNotContain(SECRET);
    }
  }

  @Test
  void aDisabledUsersSignInIsUserDisabledWhateverThePassword() {
    // AWS: NotAuthorizedException "User is disabled." (the message is read, never copied).
    for (CognitoOperation operation : new CognitoOperation[] {SIGN_IN, RESPOND_TO_CHALLENGE}) {
      ProfileKitException mapped = CognitoErrors.map(operation, failure("NotAuthorizedException", "User is disabled."));

      assertThat(mapped).isExactlyInstanceOf(UserDisabledException.class).isInstanceOf(InvalidCredentialsException.class);
      assertThat(mapped.getMessage()).contains("disabled").contains("req-msg");
    }
    assertThat(CognitoErrors.map(REFRESH, failure("NotAuthorizedException", "User is disabled.")))
        .as("a refresh is a rejected token, as for every refused refresh").isExactlyInstanceOf(TokenRejectedException.class);
  }

  @Test
  void aLateChallengeAnswerIsChallengeExpiredNotAWrongPassword() {
    // AWS: NotAuthorizedException "Invalid session for the user, session is expired." (read, never copied).
    ProfileKitException late = CognitoErrors.map(RESPOND_TO_CHALLENGE,
        failure("NotAuthorizedException", "Invalid session for the user, session is expired."));

    assertThat(late).isExactlyInstanceOf(ChallengeExpiredException.class).isInstanceOf(InvalidCredentialsException.class);
    assertThat(late.getMessage()).contains("expired").doesNotContain("Invalid session");
    assertThat(CognitoErrors.map(RESPOND_TO_CHALLENGE, failure("NotAuthorizedException", "Invalid session for the user.")))
        .as("a session that is not one stays invalid credentials").isExactlyInstanceOf(InvalidCredentialsException.class);
    for (CognitoOperation enrolling : new CognitoOperation[] {ASSOCIATE_SOFTWARE_TOKEN, VERIFY_SOFTWARE_TOKEN}) {
      assertThat(CognitoErrors.map(enrolling, failure("NotAuthorizedException", "Invalid session for the user, session is expired.")))
          .as("MFA_SETUP answers through %s with the challenge session", enrolling).isExactlyInstanceOf(ChallengeExpiredException.class);
      assertThat(CognitoErrors.map(enrolling, failure("NotAuthorizedException", "Invalid session for the user.")))
          .as("a used or made-up MFA_SETUP session at %s", enrolling).isExactlyInstanceOf(InvalidCredentialsException.class);
    }
    assertThat(CognitoErrors.map(SIGN_IN, failure("NotAuthorizedException", "Invalid session for the user, session is expired.")))
        .as("only an answer to a challenge has a challenge session").isExactlyInstanceOf(InvalidCredentialsException.class);
  }

  @Test
  void tooManyFailedAttemptsIsNotRetryableThrottling() {
    ProfileKitException mapped = CognitoErrors.map(RESPOND_TO_CHALLENGE, failure("TooManyFailedAttemptsException", "Too many attempts"));

    assertThat(mapped).isExactlyInstanceOf(TooManyAttemptsException.class).isNotInstanceOf(ThrottledException.class);
    assertThat(mapped.isRetryable()).isFalse();
  }

  @Test
  void aLockedOutSignInOrCodeIsTooManyAttemptsNotAWrongPassword() {
    // AWS's lockout answer (authentication guide, "Lockout behavior for failed sign-in attempts"),
    // for passwords and, after five wrong MFA codes, for codes.
    for (CognitoOperation operation : new CognitoOperation[] {SIGN_IN, RESPOND_TO_CHALLENGE}) {
      ProfileKitException mapped = CognitoErrors.map(operation, failure("NotAuthorizedException", "Password attempts exceeded"));
      assertThat(mapped).as("%s", operation).isExactlyInstanceOf(TooManyAttemptsException.class);
      assertThat(mapped.getMessage()).doesNotContain("Password attempts exceeded");
      assertThat(mapped.isRetryable()).isFalse();
    }
  }

  @Test
  void aRefreshTokenRotationReplacedIsRevokedWithTheSharedRotationMessage() {
    // AWS: RefreshTokenReuseException for a refresh token rotation already invalidated.
    ProfileKitException reused = CognitoErrors.map(GET_TOKENS_FROM_REFRESH_TOKEN, failure("RefreshTokenReuseException", SECRET));

    assertThat(reused).isExactlyInstanceOf(TokenRejectedException.class);
    assertThat(((TokenRejectedException) reused).reason()).isEqualTo(TokenRejectedException.Reason.REVOKED);
    assertThat(reused.getMessage()).startsWith(dev.profilekit.internal.RefreshRotation.reused("").getMessage())
        .contains("GetTokensFromRefreshToken").contains("RefreshTokenReuseException").contains("req-msg").doesNotContain(SECRET);
    assertThat(CognitoErrors.map(GET_TOKENS_FROM_REFRESH_TOKEN, failure("NotAuthorizedException", "Invalid Refresh Token.")))
        .as("an invalid or revoked refresh token").isExactlyInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).reason()).isEqualTo(TokenRejectedException.Reason.REVOKED);
  }

  @Test
  void anOrdinaryNotAuthorizedStaysWhatItWas() {
    assertThat(CognitoErrors.map(SIGN_IN, failure("NotAuthorizedException", "Incorrect username or password.")))
        .isExactlyInstanceOf(InvalidCredentialsException.class);
    assertThat(CognitoErrors.map(REFRESH, failure("NotAuthorizedException", "Refresh Token has been revoked")))
        .isExactlyInstanceOf(TokenRejectedException.class)
        .extracting(e -> ((TokenRejectedException) e).reason()).isEqualTo(TokenRejectedException.Reason.REVOKED);
  }

  @Test
  void passkeyRefusalsAreTypedByWhatCognitoRefused() {
    Stream.of(new Object[][] {
        {"WebAuthnChallengeNotFoundException", dev.profilekit.PasskeyRejectedException.Reason.CHALLENGE},
        {"WebAuthnRelyingPartyMismatchException", dev.profilekit.PasskeyRejectedException.Reason.RELYING_PARTY},
        {"WebAuthnOriginNotAllowedException", dev.profilekit.PasskeyRejectedException.Reason.ORIGIN},
        {"WebAuthnClientMismatchException", dev.profilekit.PasskeyRejectedException.Reason.CLIENT},
        {"WebAuthnCredentialNotSupportedException", dev.profilekit.PasskeyRejectedException.Reason.UNSUPPORTED},
    }).forEach(row -> assertThat(CognitoErrors.map(CognitoOperation.COMPLETE_WEB_AUTHN_REGISTRATION, failure((String) row[0])))
        .as((String) row[0]).isExactlyInstanceOf(dev.profilekit.PasskeyRejectedException.class)
        .extracting(e -> ((dev.profilekit.PasskeyRejectedException) e).reason()).isEqualTo(row[1]));
    assertThat(CognitoErrors.map(CognitoOperation.START_WEB_AUTHN_REGISTRATION, failure("WebAuthnNotEnabledException")))
        .isExactlyInstanceOf(ClientConfigurationException.class);
    assertThat(CognitoErrors.map(CognitoOperation.START_WEB_AUTHN_REGISTRATION, failure("WebAuthnConfigurationMissingException")))
        .isExactlyInstanceOf(ClientConfigurationException.class);
    assertThat(CognitoErrors.map(CognitoOperation.DELETE_WEB_AUTHN_CREDENTIAL, failure("ResourceNotFoundException")))
        .isExactlyInstanceOf(dev.profilekit.PasskeyNotFoundException.class);
    // Elsewhere ResourceNotFoundException stays a configuration fault.
    assertThat(CognitoErrors.map(CognitoOperation.LIST_WEB_AUTHN_CREDENTIALS, failure("ResourceNotFoundException")))
        .isExactlyInstanceOf(ProfileKitException.class);
    for (CognitoOperation operation : new CognitoOperation[] {CognitoOperation.START_WEB_AUTHN_REGISTRATION,
        CognitoOperation.COMPLETE_WEB_AUTHN_REGISTRATION, CognitoOperation.LIST_WEB_AUTHN_CREDENTIALS,
        CognitoOperation.DELETE_WEB_AUTHN_CREDENTIAL}) {
      assertThat(CognitoErrors.map(operation, failure("NotAuthorizedException", "Access Token has been revoked")))
          .as(operation.awsName()).isExactlyInstanceOf(TokenRejectedException.class)
          .extracting(e -> ((TokenRejectedException) e).reason()).isEqualTo(TokenRejectedException.Reason.REVOKED);
    }
  }

  private static CognitoIdentityProviderException failure(String code, String message) {
    return (CognitoIdentityProviderException) CognitoIdentityProviderException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .statusCode(400)
        .requestId("req-msg")
        .message(message)
        .build();
  }

  private static CognitoIdentityProviderException failure(String code) {
    return (CognitoIdentityProviderException) CognitoIdentityProviderException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("x").build())
        .statusCode(400)
        .requestId("req-same")
        .build();
  }
}
