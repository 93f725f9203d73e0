package dev.profilekit.aws.cognito.internal;

import dev.profilekit.ChallengeExpiredException;
import dev.profilekit.ClientConfigurationException;
import dev.profilekit.EmailInUseException;
import dev.profilekit.GroupNotFoundException;
import dev.profilekit.InvalidCodeException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasskeyNotFoundException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.PasswordResetRequiredException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TooManyAttemptsException;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotConfirmedException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.internal.RefreshRotation;
import dev.profilekit.internal.RequestChecks;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps a Cognito failure to the ProfileKit exception a caller can act on.
 *
 * <p>The mapping depends on the call: a wrong password and an unknown user are the same {@link
 * InvalidCredentialsException} at sign-in (so callers cannot probe which emails have accounts),
 * while an unknown user in an admin call is a {@link UserNotFoundException}. Messages name the
 * operation, the error code, the HTTP status and the request id; Cognito's own message is never
 * copied (a validation message can quote a parameter) and service exceptions are not attached as
 * causes. Client-side failures (time-outs, refused connections), whose messages hold only
 * endpoints, are attached.
 */
public final class CognitoErrors {

  private CognitoErrors() {}

  /**
   * Returns the ProfileKit exception for a Cognito failure.
   *
   * @param operation the call that failed
   * @param failure what the AWS SDK threw
   * @return the exception to throw
   */
  public static ProfileKitException map(CognitoOperation operation, SdkException failure) {
    String where = "Cognito " + operation.awsName();
    if (!(failure instanceof AwsServiceException service)) {
      String why = failure instanceof SdkClientException ? " could not reach Cognito after retries" : " failed";
      return new ServiceUnavailableException(where + why, failure);
    }
    String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    int status = service.statusCode();
    String detail = " (" + (code == null ? "no error code" : code) + ", HTTP " + status
        + (service.requestId() == null ? "" : ", request " + service.requestId()) + ")";
    if (code == null) {
      code = "";
    }
    // Identical for a wrong password and an unknown user: the error code would tell them apart.
    String sameForBoth = service.requestId() == null ? "" : " (request " + service.requestId() + ")";
    switch (code) {
      case "NotAuthorizedException":
        return notAuthorized(operation, where, detail, sameForBoth, messageOf(service));
      case "UserNotFoundException":
        return userNotFound(operation, where, detail, sameForBoth);
      case "RefreshTokenReuseException":
        // GetTokensFromRefreshToken with a refresh token that rotation already replaced.
        return RefreshRotation.reused("; " + where + detail);
      case "InvalidPasswordException":
        // AWS: the new password breaks the pool's policy. cognito-local also uses it for a wrong
        // password at sign-in, which can only mean bad credentials there.
        if (operation == CognitoOperation.SIGN_IN) {
          return new InvalidCredentialsException("Incorrect username or password" + sameForBoth);
        }
        return new PasswordPolicyException("The password does not meet the user pool's password policy" + detail);
      case "PasswordHistoryPolicyViolationException":
        return new PasswordPolicyException(
            "The password was recently used: the user pool's password history forbids reusing it" + detail);
      case "PasswordResetRequiredException":
        return new PasswordResetRequiredException(
            "An administrator reset the password: confirmForgotPassword with the code sent to the user" + detail);
      case "UsernameExistsException":
      case "AliasExistsException":
        if (operation == CognitoOperation.UPDATE_USER_ATTRIBUTES || operation == CognitoOperation.VERIFY_USER_ATTRIBUTE) {
          // AWS: the new email is another user's alias (with email as username, every email is one).
          return new EmailInUseException("Another account already has this email" + detail);
        }
        return new UserAlreadyExistsException("An account with this email already exists" + detail);
      case "CodeMismatchException":
      case "ExpiredCodeException":
        return new InvalidCodeException("The code is wrong or has expired" + sameForBoth);
      case "EnableSoftwareTokenMFAException":
        // AWS: VerifySoftwareToken's "code mismatch" while enrolling an authenticator app.
        return new InvalidCodeException("The authenticator code is wrong or has expired" + sameForBoth);
      case "SoftwareTokenMFANotFoundException":
        return new ClientConfigurationException(where + " failed: the user pool does not allow authenticator apps"
            + " (software token MFA)" + detail);
      case "MFAMethodNotFoundException":
        return new ProfileKitException(where + " failed: the user has no MFA method the user pool requires" + detail);
      case "UserNotConfirmedException":
        return new UserNotConfirmedException("The user has not confirmed the sign-up yet" + detail);
      case "TooManyRequestsException":
      case "LimitExceededException":
        return new ThrottledException(where + " was throttled" + detail, null);
      case "TooManyFailedAttemptsException":
        // About the user, not the request rate: an immediate retry fails alike, so not Throttled.
        return new TooManyAttemptsException(where + " refused: too many failed attempts, try again later" + detail);
      case "InvalidParameterException":
        return new InvalidRequestException("request", RequestChecks.COGNITO_INVALID_PARAMETER, where + " refused a parameter" + detail);
      case "UnsupportedTokenTypeException":
        return new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, where + " does not accept this token" + detail);
      case "InternalErrorException":
      case "CodeDeliveryFailureException":
        return new ServiceUnavailableException(where + " failed on the service side" + detail, null);
      case "WebAuthnChallengeNotFoundException":
        // AWS: the registration's challenge expired, or the credential answers another one.
        return new PasskeyRejectedException(PasskeyRejectedException.Reason.CHALLENGE,
            where + " refused the passkey: it answers no pending registration challenge, start again" + detail);
      case "WebAuthnRelyingPartyMismatchException":
        return new PasskeyRejectedException(PasskeyRejectedException.Reason.RELYING_PARTY,
            where + " refused the passkey: it was made for another relying party id than the user pool's" + detail);
      case "WebAuthnOriginNotAllowedException":
        return new PasskeyRejectedException(PasskeyRejectedException.Reason.ORIGIN,
            where + " refused the passkey: the browser's origin does not belong to the user pool's relying party" + detail);
      case "WebAuthnClientMismatchException":
        return new PasskeyRejectedException(PasskeyRejectedException.Reason.CLIENT,
            where + " refused the passkey: the registration was started through another app client" + detail);
      case "WebAuthnCredentialNotSupportedException":
        return new PasskeyRejectedException(PasskeyRejectedException.Reason.UNSUPPORTED,
            where + " refused the passkey: its authenticator or key type is not supported" + detail);
      case "WebAuthnNotEnabledException":
        return new ClientConfigurationException(where + " failed: passkeys are not turned on for the user pool" + detail);
      case "WebAuthnConfigurationMissingException":
        return new ClientConfigurationException(where + " failed: the user pool has no relying party id and no domain"
            + " for passkeys" + detail);
      case "ResourceNotFoundException":
        if (operation == CognitoOperation.DELETE_WEB_AUTHN_CREDENTIAL) {
          // AWS: the user has no passkey with this credential id.
          return new PasskeyNotFoundException(where + ": the user has no passkey with this credential id" + detail);
        }
        if (operation == CognitoOperation.ADMIN_ADD_USER_TO_GROUP || operation == CognitoOperation.ADMIN_REMOVE_USER_FROM_GROUP) {
          // AWS: "Group not found." (the pool itself exists: the same client reached it).
          return new GroupNotFoundException(where + ": no such group in the user pool" + detail);
        }
        return new ProfileKitException(where + " failed: check the user pool and app client settings" + detail);
      case "InvalidUserPoolConfigurationException":
      case "OperationNotEnabledException":
      case "UnauthorizedException":
      case "UnsupportedOperationException":
      case "InvalidEmailRoleAccessPolicyException":
      case "InvalidSmsRoleAccessPolicyException":
      case "InvalidSmsRoleTrustRelationshipException":
        return new ProfileKitException(where + " failed: check the user pool and app client settings" + detail);
      case "UserLambdaValidationException":
      case "UnexpectedLambdaException":
      case "InvalidLambdaResponseException":
        return new ProfileKitException(where + " failed in a user pool Lambda trigger" + detail);
      default:
        if (service.isThrottlingException()) {
          return new ThrottledException(where + " was throttled" + detail, null);
        }
        if (status >= 500) {
          return new ServiceUnavailableException(where + " failed on the service side" + detail, null);
        }
        return new ProfileKitException(where + " was rejected" + detail);
    }
  }

  /**
   * Cognito says {@code NotAuthorizedException} for bad credentials, revoked tokens and two
   * configuration faults; only its message tells them apart. The message is read, never copied.
   */
  private static ProfileKitException notAuthorized(
      CognitoOperation operation, String where, String detail, String sameForBoth, String said) {
    // "Unable to verify secret hash for client <id>" and "Client <id> is configured with secret
    // but SECRET_HASH was not received": the user's password or token may be fine.
    if (said.contains("secret hash") || said.contains("secret_hash")) {
      return new ClientConfigurationException(where + " refused the SECRET_HASH: the app client secret ProfileKit"
          + " was given is wrong, or the app client has a secret and ProfileKit was given none" + detail);
    }
    // A hosted-UI sign-in that did not ask for this scope gives an access token Cognito's
    // token-authorised user APIs (GlobalSignOut, ChangePassword, GetUser) refuse.
    if (said.contains("does not have required scopes")) {
      return new TokenRejectedException(TokenRejectedException.Reason.MISSING_SCOPE, where
          + ": the access token lacks the aws.cognito.signin.user.admin scope (allow it on the app client and"
          + " request it at sign-in)" + detail);
    }
    // AWS answers a disabled user's sign-in "User is disabled." whatever the password.
    if (said.equals("user is disabled.") && (operation == CognitoOperation.SIGN_IN || operation == CognitoOperation.RESPOND_TO_CHALLENGE)) {
      return new UserDisabledException("The user's account is disabled" + detail);
    }
    // AWS's lockout after too many wrong passwords or, five wrong MFA codes on, codes: about the
    // user, not the credentials, so not a wrong password (authentication guide, lockout behaviour).
    if (said.contains("password attempts exceeded")
        && (operation == CognitoOperation.SIGN_IN || operation == CognitoOperation.RESPOND_TO_CHALLENGE)) {
      return new TooManyAttemptsException(where + " refused: too many failed attempts, the user must wait" + detail);
    }
    // AWS answers a late RespondToAuthChallenge "Invalid session for the user, session is expired."
    // The session-taking calls of a sign-in step (MFA_SETUP answers through Associate/VerifySoftwareToken).
    boolean sessionCall = operation == CognitoOperation.RESPOND_TO_CHALLENGE
        || operation == CognitoOperation.ASSOCIATE_SOFTWARE_TOKEN || operation == CognitoOperation.VERIFY_SOFTWARE_TOKEN;
    if (sessionCall && said.contains("session is expired")) {
      return new ChallengeExpiredException("The sign-in challenge expired: sign in again" + detail);
    }
    // "Invalid session for the user." on the MFA_SETUP calls: a session that is not one, or was
    // already used (a completed setup answered again), as RespondToAuthChallenge's below.
    if (sessionCall && operation != CognitoOperation.RESPOND_TO_CHALLENGE && said.contains("invalid session")) {
      return new InvalidCredentialsException("The sign-in challenge session is invalid or was already used: sign in again" + detail);
    }
    switch (operation) {
      case SIGN_IN:
      case RESPOND_TO_CHALLENGE:
      case CHANGE_PASSWORD:
      case FORGOT_PASSWORD:
        return new InvalidCredentialsException("Incorrect username or password" + sameForBoth);
      case REFRESH:
      case GET_TOKENS_FROM_REFRESH_TOKEN:
      case REVOKE_TOKEN:
      case GLOBAL_SIGN_OUT:
      case SET_USER_MFA_PREFERENCE:
      case DELETE_USER:
      case UPDATE_USER_ATTRIBUTES:
      case VERIFY_USER_ATTRIBUTE:
      case GET_USER:
      // With an access token ("Access Token has been revoked"); their session-taking form is above.
      case ASSOCIATE_SOFTWARE_TOKEN:
      case VERIFY_SOFTWARE_TOKEN:
      case START_WEB_AUTHN_REGISTRATION:
      case COMPLETE_WEB_AUTHN_REGISTRATION:
      case LIST_WEB_AUTHN_CREDENTIALS:
      case DELETE_WEB_AUTHN_CREDENTIAL:
        return new TokenRejectedException(
            TokenRejectedException.Reason.REVOKED, where + ": the token was revoked or has expired" + detail);
      case CONFIRM_SIGN_UP:
      case CONFIRM_FORGOT_PASSWORD:
      case RESEND_CONFIRMATION_CODE:
        // Cognito says this when the user is already confirmed or unknown; either way the code is no good.
        return new InvalidCodeException("The code is wrong or has expired" + sameForBoth);
      default:
        return new ProfileKitException(where + " was not authorized: check the credentials' permissions" + detail);
    }
  }

  private static String messageOf(AwsServiceException service) {
    String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
    return message == null ? "" : message.toLowerCase(Locale.ROOT);
  }

  private static ProfileKitException userNotFound(
      CognitoOperation operation, String where, String detail, String sameForBoth) {
    switch (operation) {
      case ADMIN_GET_USER:
      case ADMIN_GLOBAL_SIGN_OUT:
      case LIST_USERS:
      case ADMIN_DELETE_USER:
      case DELETE_USER:
      case ADMIN_LIST_GROUPS_FOR_USER:
      case ADMIN_DISABLE_USER:
      case ADMIN_ENABLE_USER:
      case ADMIN_RESET_USER_PASSWORD:
      case ADMIN_SET_USER_MFA_PREFERENCE:
      case ADMIN_ADD_USER_TO_GROUP:
      case ADMIN_REMOVE_USER_FROM_GROUP:
      case UPDATE_USER_ATTRIBUTES:
      case VERIFY_USER_ATTRIBUTE:
      case GET_USER:
        return new UserNotFoundException(where + ": no such user in the user pool" + detail);
      case CONFIRM_SIGN_UP:
      case CONFIRM_FORGOT_PASSWORD:
        return new InvalidCodeException("The code is wrong or has expired" + sameForBoth);
      case REFRESH:
      case GET_TOKENS_FROM_REFRESH_TOKEN:
        // A refresh presents a token, not credentials: its user was deleted (the fake says the same).
        return new TokenRejectedException(TokenRejectedException.Reason.REVOKED, where + ": the token's user no longer exists" + detail);
      default:
        // Same answer as a wrong password, so that callers cannot probe which emails have accounts.
        return new InvalidCredentialsException("Incorrect username or password" + sameForBoth);
    }
  }
}
