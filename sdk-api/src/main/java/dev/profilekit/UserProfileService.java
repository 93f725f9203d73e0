package dev.profilekit;

import java.net.URI;

/**
 * Signs users in with Amazon Cognito and keeps their profiles in DynamoDB: the one entry point of
 * ProfileKit.
 *
 * <p>Cognito is used for authentication only; profile reads and edits touch only the profile
 * table. Implementations are thread-safe and meant to be shared by the whole application:
 * {@code AwsUserProfileService} (module {@code profilekit-aws}) in production, and {@code
 * InMemoryUserProfileService} (module {@code profilekit-testing}) in tests. Both pass the same
 * contract suite.
 *
 * <p>Every input is validated before any remote call; invalid input throws {@link
 * InvalidRequestException}. Remote failures surface as {@link ThrottledException} or {@link
 * ServiceUnavailableException} after retries. The "Costs" notes below describe the AWS
 * implementation.
 */
public interface UserProfileService extends AutoCloseable {

  // ---------------------------------------------------------------- sign-up and passwords

  /**
   * Registers a new email and password user; a confirmation code is sent to the email.
   *
   * <p>Costs: 1 Cognito {@code SignUp}.
   *
   * @param request the email, password and attributes entered at sign-up
   * @return the new user's id and whether a confirmation is still needed
   * @throws UserAlreadyExistsException if the email is taken
   * @throws PasswordPolicyException if the password is too weak
   */
  SignUpResult signUp(SignUpRequest request);

  /**
   * Confirms a sign-up with the code sent to the user.
   *
   * <p>Costs: 1 Cognito {@code ConfirmSignUp}.
   *
   * @param username the email the user signed up with
   * @param code the confirmation code
   * @throws InvalidCodeException if the code is wrong or expired
   */
  void confirmSignUp(String username, String code);

  /**
   * Sends a new confirmation code.
   *
   * <p>Costs: 1 Cognito {@code ResendConfirmationCode}.
   *
   * @param username the email the user signed up with
   */
  void resendConfirmationCode(String username);

  /**
   * Starts a password reset: a code is sent to the user.
   *
   * <p>Costs: 1 Cognito {@code ForgotPassword}.
   *
   * @param username the user's email
   */
  void forgotPassword(String username);

  /**
   * Completes a password reset with the code sent by {@link #forgotPassword(String)}.
   *
   * <p>Costs: 1 Cognito {@code ConfirmForgotPassword}.
   *
   * @param username the user's email
   * @param code the reset code
   * @param newPassword the new password
   * @throws InvalidCodeException if the code is wrong or expired
   * @throws PasswordPolicyException if the new password is too weak
   */
  void confirmForgotPassword(String username, String code, String newPassword);

  /**
   * Changes the signed-in user's password.
   *
   * <p>Costs: 1 Cognito {@code ChangePassword}.
   *
   * @param session the user's session
   * @param currentPassword the current password
   * @param newPassword the new password
   * @throws InvalidCredentialsException if the current password is wrong
   * @throws PasswordPolicyException if the new password is too weak
   */
  void changePassword(AuthSession session, String currentPassword, String newPassword);

  /**
   * Sets which second factors the signed-in user signs in with ({@link MfaPreference}: the whole
   * state, methods not listed are turned off), as Cognito's {@code SetUserMFAPreference}. SMS codes
   * go to the user's {@code phone_number}, email codes to their {@code email}.
   *
   * <p>Costs: 1 Cognito {@code SetUserMFAPreference}.
   *
   * @param session the user's session
   * @param preference the methods and the preferred one
   * @throws TokenRejectedException if the access token was revoked or has expired
   */
  void setMfaPreference(AuthSession session, MfaPreference preference);

  /**
   * Starts enrolling an authenticator app (TOTP) for the signed-in user, as Cognito's {@code
   * AssociateSoftwareToken}: a new shared secret, returned with the {@code otpauth://} URI to show
   * as a QR code (the issuer is the configured TOTP issuer, the account the user's email). Nothing
   * changes at sign-in until {@link #verifyTotpEnrolment} confirms the app and {@link
   * #setMfaPreference} turns {@link MfaMethod#TOTP} on. Starting again replaces the secret.
   *
   * <p>Costs: 1 Cognito {@code AssociateSoftwareToken}.
   *
   * @param session the user's session
   * @return the secret and its URI, masked in {@code toString()}
   * @throws TokenRejectedException if the access token was revoked or has expired
   */
  TotpEnrolment startTotpEnrolment(AuthSession session);

  /**
   * Confirms the authenticator app being enrolled with a code it shows, as Cognito's {@code
   * VerifySoftwareToken}: the app is then the user's, and {@code setMfaPreference} with {@link
   * MfaMethod#TOTP} makes every password sign-in ask for its code ({@link SignInStep.TotpCode}).
   *
   * <p>Costs: 1 Cognito {@code VerifySoftwareToken}.
   *
   * @param session the user's session
   * @param code the six digits the app shows now
   * @throws InvalidCodeException if the code is not the app's current one (nothing is enrolled;
   *     try again with a fresh code)
   * @throws InvalidRequestException if the code is not 6 to 8 digits, before any call
   */
  void verifyTotpEnrolment(AuthSession session, String code);

  // ---------------------------------------------------------------- sign-in and sessions

  /**
   * Signs a user in with email and password.
   *
   * <p>On AWS the password is proven with SRP ({@code USER_SRP_AUTH}), so it never leaves the
   * client, unless the service was built for {@code USER_PASSWORD_AUTH}. The pool may then ask for
   * more (a new password, an MFA code, a choice): the returned {@link SignInStep} says what, and
   * {@link #respond(SignInStep, SignInAnswer)} answers it.
   *
   * <p>Costs: 1 Cognito {@code InitiateAuth}, plus 1 {@code RespondToAuthChallenge} with SRP; the
   * ID token is then verified locally.
   *
   * @param username the user's email
   * @param password the password
   * @return {@link SignInStep.Done} with a session, or the next step
   * @throws InvalidCredentialsException if the user is unknown or the password is wrong (the same
   *     exception for both, so callers cannot probe which emails have accounts)
   * @throws UserNotConfirmedException if the sign-up was not confirmed
   */
  SignInStep signIn(String username, String password);

  /**
   * Starts a choice-based sign-in (Cognito's {@code USER_AUTH}): the user names a first factor
   * they prefer, and signs in with it when it is available to them, or chooses among those that
   * are. {@link FirstFactor#EMAIL_OTP} or {@link FirstFactor#SMS_OTP} available: the code is sent
   * and the step is {@link SignInStep.EmailCode} or {@link SignInStep.SmsCode}. Otherwise (no
   * preference, a password factor, or one the user cannot use) the step is {@link
   * SignInStep.SelectChallenge} with the factors offered; answer it with {@link
   * SignInAnswer#firstFactor(FirstFactor)} or {@link SignInAnswer#password(String)}.
   *
   * <p>Costs: 1 Cognito {@code InitiateAuth}.
   *
   * @param username the user's email
   * @param preferred the factor to ask for at once, or null to let the user choose
   * @return the next step
   * @throws InvalidCredentialsException if there is no such user
   */
  SignInStep signInWith(String username, FirstFactor preferred);

  /**
   * Answers a step of a sign-in: a new password, an MFA code, a choice of method or factor, a TOTP
   * setup code, a passkey credential.
   *
   * <p>Costs: 1 Cognito {@code RespondToAuthChallenge} (a TOTP setup also costs {@code
   * VerifySoftwareToken}, and the next TOTP setup step {@code AssociateSoftwareToken}).
   *
   * @param step the step {@link #signIn(String, String)} or an earlier answer returned
   * @param answer the answer, of a type that answers the step ({@link SignInAnswer.Type#answers})
   * @return {@link SignInStep.Done} with a session, or the next step
   * @throws InvalidRequestException if the answer does not fit the step, before any call
   * @throws InvalidCodeException if a code is wrong
   * @throws InvalidCredentialsException if the step's session expired or was already used
   */
  SignInStep respond(SignInStep step, SignInAnswer answer);

  /**
   * Gets fresh ID and access tokens with the session's refresh token.
   *
   * <p>With refresh token rotation (an implementation setting matching the app client's), the
   * returned session holds a new refresh token and the one given is refused from then on: keep
   * the returned session, not the old one. Without it, the returned session keeps the same
   * refresh token.
   *
   * <p>Costs: 1 Cognito {@code InitiateAuth} ({@code REFRESH_TOKEN_AUTH}), or with rotation 1
   * {@code GetTokensFromRefreshToken}.
   *
   * @param session a session holding a refresh token
   * @return a new session, with the same refresh token or, with rotation, its replacement
   * @throws TokenRejectedException if the refresh token was revoked or expired, or rotation
   *     already replaced it (reason {@code REVOKED})
   */
  AuthSession refresh(AuthSession session);

  /**
   * Signs the session out: revokes its refresh token, so it can no longer be refreshed, and its ID
   * and access tokens, so that {@link #verify(String)} and {@link #getProfile(VerifiedUser)}
   * reject them with {@link TokenRejectedException.Reason#REVOKED} from now on, tokens refreshed
   * from the same refresh token included. The user's other sessions stay valid; {@link
   * #signOutEverywhere(AuthSession)} ends them all.
   *
   * <p>The session is named by its tokens' {@code origin_jti} ({@link VerifiedUser#originJti()}),
   * read from the access token after a full verification: a session whose access token has
   * expired, or is revoked already, only loses its refresh token (its other tokens, if a refresh
   * minted any, are not found), and tokens without {@code origin_jti} (app clients with token
   * revocation off) cannot be revoked this way.
   *
   * <p>Costs: 1 Cognito {@code RevokeToken}; on the AWS implementation also the verification of
   * the access token (a revocation lookup unless cached) and 1 DynamoDB {@code UpdateItem} (2 for
   * the user's first revoked session, 1 more when older records have expired and are dropped).
   *
   * @param session the session to end
   * @throws TokenRejectedException if the access token is neither expired nor revoked, yet not
   *     acceptable (it is not this service's), before anything is revoked
   */
  void signOut(AuthSession session);

  /**
   * Signs the user out on every device: Cognito invalidates their refresh tokens, and ProfileKit
   * records the instant so that {@link #verify(String)} rejects every token issued before it.
   *
   * <p>A token counts as issued before the sign-out when its {@code iat} (whole seconds) is at or
   * before the sign-out instant truncated to the second: a token issued in the same second is
   * revoked too, and a sign-in from the next second on works. Afterwards, {@link
   * #verify(String)} rejects every earlier ID and access token with {@link
   * TokenRejectedException.Reason#REVOKED}, {@link #refresh(AuthSession)} fails with {@link
   * TokenRejectedException}, and {@link #getProfile(VerifiedUser)} rejects a {@link VerifiedUser}
   * read from an earlier token with {@code REVOKED} as well (such as {@code session.user()} of the
   * signed-out session). The sign-out creates no profile, and deleting the profile does not undo
   * it.
   *
   * <p>Costs: 1 Cognito {@code GlobalSignOut} and 1 DynamoDB {@code UpdateItem}.
   *
   * @param session a current session of the user
   */
  void signOutEverywhere(AuthSession session);

  /**
   * Verifies a Cognito ID or access token and returns the user it speaks for.
   *
   * <p>Costs: none once the user pool's keys are cached (the first call fetches them); with
   * revocation checking on, 1 DynamoDB {@code GetItem} when this process has not read the user's
   * revocation records within its staleness bound (on AWS {@code revocationStaleness}, default 5
   * seconds; a revocation written by this process applies at once, one written elsewhere within
   * the bound).
   *
   * @param token the raw JWT, without a {@code Bearer } prefix or surrounding whitespace
   * @return the verified user
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   */
  VerifiedUser verify(String token);

  /**
   * Verifies the token of an HTTP {@code Authorization: Bearer ...} header, read by {@link
   * BearerToken#parse(String)} (RFC 6750: scheme in any case, one space, no trailing whitespace).
   *
   * @param authorizationHeader the header's value, may be null
   * @return the verified user
   * @throws InvalidRequestException if the header is absent ({@code required}) or not a bearer
   *     header ({@code bearer-syntax}), before any verification
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   */
  default VerifiedUser verifyBearer(String authorizationHeader) {
    return verify(BearerToken.parse(authorizationHeader));
  }

  // ---------------------------------------------------------------- passkeys

  /**
   * Starts registering a passkey for the signed-in user, as Cognito's {@code
   * StartWebAuthnRegistration}: returns the WebAuthn {@code PublicKeyCredentialCreationOptions}, as
   * JSON, for the browser's {@code navigator.credentials.create()} (read it with {@code
   * PublicKeyCredential.parseCreationOptionsFromJSON}). The ceremony is the app's; hand what the
   * browser returns to {@link #completePasskeyRegistration}. Starting again replaces the pending
   * challenge.
   *
   * <p>Costs: 1 Cognito {@code StartWebAuthnRegistration}.
   *
   * @param session the user's session (its access token is used)
   * @return the creation options, JSON
   * @throws TokenRejectedException if the access token was revoked or has expired
   * @throws ClientConfigurationException if the user pool has passkeys turned off or no relying
   *     party id
   */
  String startPasskeyRegistration(AuthSession session);

  /**
   * Completes a passkey registration with the credential the browser created, as Cognito's {@code
   * CompleteWebAuthnRegistration}: from then on {@link #listPasskeys} lists it, and {@link
   * #signInWith(String, FirstFactor)} with {@link FirstFactor#WEB_AUTHN} asks for it.
   *
   * <p>Costs: 1 Cognito {@code CompleteWebAuthnRegistration}.
   *
   * @param session the user's session, the one that started the registration
   * @param credentialJson what {@code navigator.credentials.create()} returned, as JSON ({@code
   *     PublicKeyCredential.toJSON()})
   * @throws PasskeyRejectedException if the credential answers another challenge, or was made for
   *     another relying party or origin, or its key type is not supported: nothing is registered
   * @throws InvalidRequestException if the text is not such a credential
   * @throws TokenRejectedException if the access token was revoked or has expired
   */
  void completePasskeyRegistration(AuthSession session, String credentialJson);

  /**
   * Lists the signed-in user's passkeys, as Cognito's {@code ListWebAuthnCredentials}, every page
   * of it (a user has a handful).
   *
   * <p>Costs: 1 Cognito {@code ListWebAuthnCredentials} per 20 passkeys (at least 1).
   *
   * @param session the user's session
   * @return the passkeys, oldest first as the user pool lists them; empty when there are none
   * @throws TokenRejectedException if the access token was revoked or has expired
   */
  java.util.List<Passkey> listPasskeys(AuthSession session);

  /**
   * Deletes one of the signed-in user's passkeys, as Cognito's {@code DeleteWebAuthnCredential}:
   * it no longer signs the user in.
   *
   * <p>Costs: 1 Cognito {@code DeleteWebAuthnCredential}.
   *
   * @param session the user's session
   * @param credentialId the passkey's {@link Passkey#credentialId()}
   * @throws PasskeyNotFoundException if the user has no passkey with that id
   * @throws TokenRejectedException if the access token was revoked or has expired
   */
  void deletePasskey(AuthSession session, String credentialId);

  // ---------------------------------------------------------------- federated sign-in

  /**
   * Starts a sign-in with Google, Apple or another provider configured in the user pool, through
   * the Cognito hosted UI with PKCE.
   *
   * <p>Costs: none (builds a URL locally).
   *
   * @param provider the identity provider
   * @param redirectUri one of the app client's allowed callback URLs
   * @return the URL to send the browser to, with the state the callback must be checked against
   * @throws ClientConfigurationException if the service has no hosted UI domain (checked first,
   *     before the arguments)
   */
  PendingFederatedSignIn federatedSignIn(IdentityProvider provider, URI redirectUri);

  /**
   * Completes a federated sign-in: checks the callback's state, exchanges the code (with the PKCE
   * verifier) for tokens, and verifies the ID token and its nonce.
   *
   * <p>It then keeps what the provider said, through {@link AttributeMapper}: at the user's first
   * sign-in the profile built from the ID token is stored (Apple sends the name only then), and at
   * later sign-ins only the fields the stored profile lacks are filled ({@link
   * AttributeMapper#fillMissingFields(UserProfile, java.util.Map)}), so nothing the user edited is
   * overwritten and nothing is erased. A concurrent write wins over this capture.
   *
   * <p>Costs: 1 HTTPS request to the user pool domain's token endpoint; 1 DynamoDB {@code GetItem},
   * plus 1 write when there is something to capture.
   *
   * @param pending what {@link #federatedSignIn(IdentityProvider, URI)} returned
   * @param callback what arrived at the redirect URI
   * @return the session
   * @throws FederatedSignInException if the provider returned an error, the state does not
   *     match, or the code exchange failed
   * @throws TokenRejectedException if the returned ID token is not acceptable
   * @throws ClientConfigurationException if the service has no hosted UI domain
   */
  AuthSession completeFederatedSignIn(PendingFederatedSignIn pending, FederatedCallback callback);

  /**
   * Builds the hosted UI logout URL that ends the user's session at the user pool domain.
   *
   * <p>Costs: none.
   *
   * @param logoutRedirectUri one of the app client's allowed sign-out URLs
   * @return the URL to send the browser to
   * @throws ClientConfigurationException if the service has no hosted UI domain
   */
  URI logoutUri(URI logoutRedirectUri);

  // ---------------------------------------------------------------- profiles

  /**
   * Returns the user's profile: the stored one, or a {@link ProfileSource#FALLBACK fallback}
   * built from the identity's attributes when none is stored yet.
   *
   * <p>The same read carries the user's "sign out everywhere" record: a {@code user} read from a
   * token issued at or before the user's last {@link #signOutEverywhere(AuthSession)} is rejected
   * with {@link TokenRejectedException.Reason#REVOKED}, even though it was verified earlier.
   * {@link #updateProfile(VerifiedUser, ProfileUpdate)} and {@link #deleteProfile(VerifiedUser)}
   * do not repeat that lookup (it would cost them a read): verify the token of every request.
   *
   * <p>Costs: 1 DynamoDB {@code GetItem}. Only when no row exists and the user came from an access
   * token (which carries no attributes): 1 Cognito {@code AdminGetUser} or {@code ListUsers}.
   *
   * @param user the verified user
   * @return the profile
   * @throws TokenRejectedException with {@link TokenRejectedException.Reason#REVOKED} if the user
   *     signed out everywhere after the token {@code user} was read from was issued
   */
  UserProfile getProfile(VerifiedUser user);

  /**
   * Applies a patch to the user's own profile, creating the stored row on the first write.
   *
   * <p>Costs: 1 DynamoDB {@code UpdateItem} (a conditional put on the first write; a first write
   * from an access token also costs the Cognito lookup of {@link #getProfile(VerifiedUser)}).
   * Never a read-modify-write.
   *
   * @param user the verified user
   * @param update the patch
   * @return the profile as stored after the update
   * @throws VersionConflictException if an expected version was given and is stale
   * @throws ForbiddenFieldException if the patch writes an admin-only field
   * @throws InvalidProfileException if the patch breaks a {@link ProfilePolicy} rule
   */
  UserProfile updateProfile(VerifiedUser user, ProfileUpdate update);

  /**
   * Verifies a token and returns its user's profile, as {@link #verify(String)} followed by {@link
   * #getProfile(VerifiedUser)} would, for a request handler that needs both: the same rejections
   * (a revoked token is {@link TokenRejectedException.Reason#REVOKED}), the same profile or
   * fallback. A token that fails verification is rejected before the profile table is touched.
   *
   * <p>Costs: on AWS, exactly 1 DynamoDB {@code GetItem} in all, whatever the revocation cache
   * holds: the profile item also holds the user's revocation records, and the verdict on the
   * token comes from the same read. Only when no row exists and the token is an access token
   * (which carries no attributes): 1 Cognito {@code AdminGetUser} or {@code ListUsers} for the
   * fallback; from an ID token the fallback costs nothing more. {@code verify} then {@code
   * getProfile} costs 2 {@code GetItem}s when the revocation cache has no fresh answer.
   *
   * @param token the raw JWT, without a {@code Bearer } prefix or surrounding whitespace
   * @return the profile
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   */
  default UserProfile verifyAndGetProfile(String token) {
    return getProfile(verify(token));
  }

  /**
   * Verifies a token and applies a patch to its user's profile, as {@link #verify(String)}
   * followed by {@link #updateProfile(VerifiedUser, ProfileUpdate)} would: the expected version,
   * if the patch has one ({@link ProfileUpdate#expectedVersion()}), is checked in the same write.
   * A token that fails verification is rejected before the profile table is touched; a revoked
   * token ({@link TokenRejectedException.Reason#REVOKED}) writes nothing.
   *
   * <p>Costs: on AWS, exactly 1 DynamoDB {@code UpdateItem} in all for a
   * stored profile: its condition also refuses a revoked token, so there is no revocation lookup.
   * A refused write is told apart (revoked or stale version) by the item DynamoDB returns with the
   * failed condition, in the same request. The first write of a profile costs what {@link
   * #updateProfile(VerifiedUser, ProfileUpdate)} says (1 request when the patch expects version 0,
   * else 2; from an access token also the Cognito lookup of the fallback).
   *
   * @param token the raw JWT, without a {@code Bearer } prefix or surrounding whitespace
   * @param update the patch, with the expected version for optimistic concurrency if wanted
   * @return the profile as stored after the update
   * @throws TokenRejectedException with the reason, if the token is not acceptable
   * @throws VersionConflictException if an expected version was given and is stale
   * @throws ForbiddenFieldException if the patch writes an admin-only field
   * @throws InvalidProfileException if the patch breaks a {@link ProfilePolicy} rule
   */
  default UserProfile verifyAndUpdateProfile(String token, ProfileUpdate update) {
    return updateProfile(verify(token), update);
  }

  /**
   * Deletes the user's stored profile; a later read returns a fallback again. Idempotent.
   *
   * <p>Costs: 1 DynamoDB {@code DeleteItem}.
   *
   * @param user the verified user
   */
  void deleteProfile(VerifiedUser user);

  /**
   * Deletes the user's stored profile if it is still at {@code expectedVersion}; otherwise nothing
   * changes and the conflict reports the stored version.
   *
   * <p>Costs: 1 DynamoDB {@code DeleteItem} (also on a conflict: the stored version comes back with
   * the failure); 1 more {@code UpdateItem} when the user has a sign-out record, which is kept.
   *
   * @param user the verified user
   * @param expectedVersion the version last read, 1 or more
   * @throws VersionConflictException if the stored version is another one ({@code actualVersion}
   *     0 when no profile is stored)
   */
  void deleteProfile(VerifiedUser user, long expectedVersion);

  /**
   * Deletes the user's account: the Cognito user, then the stored profile and every revocation
   * record, which one write replaces by a tombstone, so that every token of the user is rejected
   * from the moment this returns. A rerun after a failure finishes the deletion (a user Cognito no
   * longer has counts as deleted); see {@code docs/account-lifecycle.md} for the order and why
   * nothing is left behind.
   *
   * <p>Costs: 1 Cognito {@code DeleteUser} (authorised by the session's access token, which is
   * first verified locally) and 1 DynamoDB {@code PutItem}.
   *
   * @param session a current session of the user
   * @throws TokenRejectedException if the access token is not acceptable, or Cognito refuses it
   *     (revoked, expired): nothing is deleted
   */
  void deleteAccount(AuthSession session);

  /**
   * Starts changing the signed-in user's email: a verification code is sent to {@code newEmail}.
   * Until {@link #confirmEmailChange(AuthSession, String)} succeeds, nothing else changes: the
   * current, verified email keeps signing in and receiving reset codes, and the profile keeps it
   * (the user pool must keep original attribute values active until verified, see {@code
   * docs/setup.md}). A second request replaces the first one's pending email and code.
   *
   * <p>Costs: 1 Cognito {@code UpdateUserAttributes} and 1 {@code GetUser} (authorised by the
   * session's access token, which is first verified locally), and 1 conditional DynamoDB {@code
   * UpdateItem} that changes nothing unless the profile and Cognito disagreed.
   *
   * @param session a current session of the user (its access token is used)
   * @param newEmail the new email
   * @throws InvalidRequestException if {@code newEmail} is not an email address, before any call
   * @throws EmailInUseException if another account has {@code newEmail}
   * @throws TokenRejectedException if the access token is not acceptable
   */
  void requestEmailChange(AuthSession session, String newEmail);

  /**
   * Completes an email change with the code sent to the new email: from then on the new email
   * signs in and the old one no longer does, and the stored profile (if any) carries the new,
   * verified email (one version up). Tokens issued before keep the old email in their claims
   * until they expire; sign in again or {@link #refresh(AuthSession)} for tokens with the new one.
   *
   * <p>Whichever way it ends, the profile agrees with Cognito: after a wrong code nothing changes,
   * and a rerun after a failure between Cognito's change and the profile's write makes the profile
   * follow (and then reports the used code as invalid).
   *
   * <p>Costs: 1 Cognito {@code VerifyUserAttribute} and 1 {@code GetUser}, 1 conditional DynamoDB
   * {@code UpdateItem}.
   *
   * @param session a current session of the user (its access token is used)
   * @param code the code sent to the new email
   * @throws InvalidCodeException if the code is wrong or expired, or no change is pending: nothing
   *     changes
   * @throws EmailInUseException if another account took the new email meanwhile
   * @throws TokenRejectedException if the access token is not acceptable
   */
  void confirmEmailChange(AuthSession session, String code);

  /**
   * Exports the signed-in user's data as one JSON document ({@link AccountExport}: format {@value
   * AccountExport#FORMAT}, version {@value AccountExport#VERSION}, described member by member in
   * {@code docs/account-lifecycle.md}): what the user pool holds of them, as Cognito's {@code
   * GetUser} returns it for their own access token (the username and every attribute), and their
   * stored profile with every field, or {@code null} when none is stored. No password, token, code
   * or secret is in it. Nothing changes.
   *
   * <p>Costs: 1 Cognito {@code GetUser} (authorised by the session's access token, which is first
   * verified locally) and 1 DynamoDB {@code GetItem}.
   *
   * @param session a current session of the user (its access token is used)
   * @return the document
   * @throws TokenRejectedException if the access token is not acceptable: revoked (also after
   *     {@link #deleteAccount(AuthSession)}), expired, or an ID token ({@code WRONG_TOKEN_USE})
   * @throws UserNotFoundException if the user pool no longer has the user
   */
  AccountExport exportAccount(AuthSession session);

  /**
   * Returns the server-side view for operators and back-office code: any user's profile,
   * admin-only fields, listing.
   *
   * @return the admin view
   */
  ProfileAdmin admin();

  /**
   * Returns the policy every update is checked against.
   *
   * @return the policy
   */
  ProfilePolicy policy();

  /**
   * Releases what the service created itself. Clients passed in by the caller are not closed.
   */
  @Override
  void close();
}
