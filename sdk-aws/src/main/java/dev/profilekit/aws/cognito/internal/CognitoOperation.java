package dev.profilekit.aws.cognito.internal;

/**
 * The Cognito calls ProfileKit makes, so that one error code can mean different things in
 * different calls (a {@code NotAuthorizedException} is a wrong password at sign-in but a revoked
 * token at refresh).
 */
public enum CognitoOperation {
  /** {@code SignUp}. */
  SIGN_UP("SignUp"),
  /** {@code ConfirmSignUp}. */
  CONFIRM_SIGN_UP("ConfirmSignUp"),
  /** {@code ResendConfirmationCode}. */
  RESEND_CONFIRMATION_CODE("ResendConfirmationCode"),
  /** {@code InitiateAuth} with {@code USER_PASSWORD_AUTH}. */
  SIGN_IN("InitiateAuth"),
  /** {@code RespondToAuthChallenge}. */
  RESPOND_TO_CHALLENGE("RespondToAuthChallenge"),
  /** {@code InitiateAuth} with {@code REFRESH_TOKEN_AUTH}. */
  REFRESH("InitiateAuth"),
  /** {@code GetTokensFromRefreshToken}: refresh with refresh token rotation. */
  GET_TOKENS_FROM_REFRESH_TOKEN("GetTokensFromRefreshToken"),
  /** {@code AssociateSoftwareToken}. */
  ASSOCIATE_SOFTWARE_TOKEN("AssociateSoftwareToken"),
  /** {@code VerifySoftwareToken}. */
  VERIFY_SOFTWARE_TOKEN("VerifySoftwareToken"),
  /** {@code RevokeToken}. */
  REVOKE_TOKEN("RevokeToken"),
  /** {@code GlobalSignOut}. */
  GLOBAL_SIGN_OUT("GlobalSignOut"),
  /** {@code AdminUserGlobalSignOut}. */
  ADMIN_GLOBAL_SIGN_OUT("AdminUserGlobalSignOut"),
  /** {@code ForgotPassword}. */
  FORGOT_PASSWORD("ForgotPassword"),
  /** {@code ConfirmForgotPassword}. */
  CONFIRM_FORGOT_PASSWORD("ConfirmForgotPassword"),
  /** {@code ChangePassword}. */
  CHANGE_PASSWORD("ChangePassword"),
  /** {@code AdminGetUser}. */
  ADMIN_GET_USER("AdminGetUser"),
  /** {@code ListUsers}. */
  LIST_USERS("ListUsers"),
  /** {@code DeleteUser}. */
  DELETE_USER("DeleteUser"),
  /** {@code AdminDeleteUser}. */
  ADMIN_DELETE_USER("AdminDeleteUser"),
  /** {@code AdminCreateUser}. */
  ADMIN_CREATE_USER("AdminCreateUser"),
  /** {@code AdminListGroupsForUser}. */
  ADMIN_LIST_GROUPS_FOR_USER("AdminListGroupsForUser"),
  /** {@code AdminDisableUser}. */
  ADMIN_DISABLE_USER("AdminDisableUser"),
  /** {@code AdminEnableUser}. */
  ADMIN_ENABLE_USER("AdminEnableUser"),
  /** {@code AdminResetUserPassword}. */
  ADMIN_RESET_USER_PASSWORD("AdminResetUserPassword"),
  /** {@code AdminSetUserMFAPreference}. */
  ADMIN_SET_USER_MFA_PREFERENCE("AdminSetUserMFAPreference"),
  /** {@code SetUserMFAPreference}. */
  SET_USER_MFA_PREFERENCE("SetUserMFAPreference"),
  /** {@code CreateGroup}. */
  CREATE_GROUP("CreateGroup"),
  /** {@code AdminAddUserToGroup}. */
  ADMIN_ADD_USER_TO_GROUP("AdminAddUserToGroup"),
  /** {@code AdminRemoveUserFromGroup}. */
  ADMIN_REMOVE_USER_FROM_GROUP("AdminRemoveUserFromGroup"),
  /** {@code UpdateUserAttributes}. */
  UPDATE_USER_ATTRIBUTES("UpdateUserAttributes"),
  /** {@code VerifyUserAttribute}. */
  VERIFY_USER_ATTRIBUTE("VerifyUserAttribute"),
  /** {@code GetUser}. */
  GET_USER("GetUser"),
  /** {@code StartWebAuthnRegistration}. */
  START_WEB_AUTHN_REGISTRATION("StartWebAuthnRegistration"),
  /** {@code CompleteWebAuthnRegistration}. */
  COMPLETE_WEB_AUTHN_REGISTRATION("CompleteWebAuthnRegistration"),
  /** {@code ListWebAuthnCredentials}. */
  LIST_WEB_AUTHN_CREDENTIALS("ListWebAuthnCredentials"),
  /** {@code DeleteWebAuthnCredential}. */
  DELETE_WEB_AUTHN_CREDENTIAL("DeleteWebAuthnCredential");

  private final String awsName;

  CognitoOperation(String awsName) {
    this.awsName = awsName;
  }

  /**
   * Returns the Cognito API operation name.
   *
   * @return for example {@code InitiateAuth}
   */
  public String awsName() {
    return awsName;
  }
}
