package dev.profilekit.aws.cognito.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.internal.CognitoIdentities;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The Cognito calls of ProfileKit: sign-up, sign-in and sessions, passwords, and user lookups for
 * the fallback profile. Cognito is used for authentication only; no profile is ever written here.
 *
 * <p>Every input is checked before the call (a malformed email, password, code or token costs no
 * request); when the app client has a secret, the {@code SECRET_HASH} is added to every call that
 * needs it; every failure is mapped by {@link CognitoErrors}. Thread-safe; the client is not
 * closed by this class.
 */
public final class CognitoAuth {

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("(custom:)?[a-z][a-z0-9_]{0,31}|custom:[A-Za-z][A-Za-z0-9_]{0,19}");
  // A sub is a UUID; anything else could change the meaning of the ListUsers filter.
  private static final Pattern SUB = Pattern.compile("[A-Za-z0-9_.:@+-]{1,128}");

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final int minimumPasswordLength;

  private CognitoAuth(Builder builder) {
    this.cognito = builder.cognito;
    this.userPoolId = builder.userPoolId;
    this.clientId = builder.clientId;
    this.clientSecret = builder.clientSecret;
    this.clock = builder.clock;
    this.minimumPasswordLength = builder.minimumPasswordLength;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers an email and password user ({@code SignUp}); the email is the username.
   *
   * @param request the sign-up
   * @return the new user's id and confirmation state
   */
  public SignUpResult signUp(SignUpRequest request) {
    if (request == null) {
      throw new InvalidRequestException("request", RequestChecks.REQUIRED, "a sign-up request");
    }
    String email = CredentialChecks.email("email", request.email());
    String password = CredentialChecks.newPassword("password", request.password(), minimumPasswordLength);
    Map<String, String> attributes = new HashMap<>();
    request.givenName().ifPresent(v -> attributes.put("given_name", v));
    request.familyName().ifPresent(v -> attributes.put("family_name", v));
    request.displayName().ifPresent(v -> attributes.put("name", v));
    request.locale().ifPresent(v -> attributes.put("locale", v));
    request.attributes().forEach((name, value) -> {
      if (name == null || !ATTRIBUTE_NAME.matcher(name).matches() || name.equals("sub") || name.equals("email_verified")) {
        throw new InvalidRequestException("attributes", RequestChecks.ATTRIBUTE_NAME, "standard Cognito attribute names or custom:name");
      }
      attributes.put(name, value);
    });
    attributes.put("email", email);
    List<AttributeType> userAttributes = new ArrayList<>();
    attributes.forEach((name, value) -> userAttributes.add(
        AttributeType.builder().name(name).value(CredentialChecks.attributeValue(name, value)).build()));
    var response = call(CognitoOperation.SIGN_UP, () -> cognito.signUp(b -> b
        .clientId(clientId)
        .secretHash(secretHash(email))
        .username(email)
        .password(password)
        .userAttributes(userAttributes)));
    SignUpResult.Builder result = SignUpResult.builder()
        .userId(response.userSub())
        .confirmed(Boolean.TRUE.equals(response.userConfirmed()));
    if (response.codeDeliveryDetails() != null && response.codeDeliveryDetails().destination() != null) {
      result.codeDeliveryDestination(response.codeDeliveryDetails().destination());
    }
    return result.build();
  }

  /**
   * Confirms a sign-up with its code ({@code ConfirmSignUp}).
   *
   * @param username the email signed up with
   * @param code the code
   */
  public void confirmSignUp(String username, String code) {
    String user = CredentialChecks.username(username);
    String checkedCode = CredentialChecks.code(code);
    call(CognitoOperation.CONFIRM_SIGN_UP, () -> cognito.confirmSignUp(b -> b
        .clientId(clientId).secretHash(secretHash(user)).username(user).confirmationCode(checkedCode)));
  }

  /**
   * Sends a new confirmation code ({@code ResendConfirmationCode}).
   *
   * @param username the email signed up with
   */
  public void resendConfirmationCode(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.RESEND_CONFIRMATION_CODE, () -> cognito.resendConfirmationCode(b -> b
        .clientId(clientId).secretHash(secretHash(user)).username(user)));
  }

  /**
   * Starts a password reset ({@code ForgotPassword}).
   *
   * @param username the user's email
   */
  public void forgotPassword(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.FORGOT_PASSWORD, () -> cognito.forgotPassword(b -> b
        .clientId(clientId).secretHash(secretHash(user)).username(user)));
  }

  /**
   * Completes a password reset ({@code ConfirmForgotPassword}).
   *
   * @param username the user's email
   * @param code the code sent to the user
   * @param newPassword the new password
   */
  public void confirmForgotPassword(String username, String code, String newPassword) {
    String user = CredentialChecks.username(username);
    String checkedCode = CredentialChecks.code(code);
    String password = CredentialChecks.newPassword("newPassword", newPassword, minimumPasswordLength);
    call(CognitoOperation.CONFIRM_FORGOT_PASSWORD, () -> cognito.confirmForgotPassword(b -> b
        .clientId(clientId).secretHash(secretHash(user)).username(user).confirmationCode(checkedCode).password(password)));
  }

  /**
   * Changes a signed-in user's password ({@code ChangePassword}).
   *
   * @param accessToken the user's access token
   * @param currentPassword the current password
   * @param newPassword the new password
   */
  public void changePassword(String accessToken, String currentPassword, String newPassword) {
    String token = CredentialChecks.token("accessToken", accessToken);
    String current = CredentialChecks.presentedPassword("currentPassword", currentPassword);
    String next = CredentialChecks.newPassword("newPassword", newPassword, minimumPasswordLength);
    call(CognitoOperation.CHANGE_PASSWORD, () -> cognito.changePassword(b -> b
        .accessToken(token).previousPassword(current).proposedPassword(next)));
  }

  /**
   * Gets fresh tokens with {@code REFRESH_TOKEN_AUTH} ({@code InitiateAuth}).
   *
   * @param refreshToken the refresh token
   * @param username the Cognito username ({@code cognito:username}), needed for the secret hash
   * @return the new ID and access tokens; the refresh token is the same and not returned
   */
  public CognitoTokens refresh(String refreshToken, String username) {
    String token = CredentialChecks.token("refreshToken", refreshToken);
    Map<String, String> parameters = new HashMap<>();
    parameters.put("REFRESH_TOKEN", token);
    if (clientSecret != null) {
      putSecretHash(parameters, CredentialChecks.username(username));
    }
    InitiateAuthResponse response = call(CognitoOperation.REFRESH, () -> cognito.initiateAuth(b -> b
        .clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(parameters)));
    if (response.authenticationResult() == null) {
      throw new ProfileKitException("Cognito InitiateAuth (refresh) returned no tokens");
    }
    return tokens(response.authenticationResult());
  }

  /**
   * Revokes a refresh token and the access tokens issued with it ({@code RevokeToken}).
   *
   * @param refreshToken the refresh token
   */
  public void revoke(String refreshToken) {
    String token = CredentialChecks.token("refreshToken", refreshToken);
    call(CognitoOperation.REVOKE_TOKEN, () -> cognito.revokeToken(b -> b
        .clientId(clientId).clientSecret(clientSecret).token(token)));
  }

  /**
   * Invalidates every refresh token of the user ({@code GlobalSignOut}).
   *
   * @param accessToken a current access token of the user
   */
  public void globalSignOut(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    call(CognitoOperation.GLOBAL_SIGN_OUT, () -> cognito.globalSignOut(b -> b.accessToken(token)));
  }

  /**
   * Invalidates every refresh token of a user on their behalf ({@code AdminUserGlobalSignOut}).
   *
   * @param username the Cognito username
   */
  public void adminGlobalSignOut(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.ADMIN_GLOBAL_SIGN_OUT, () -> cognito.adminUserGlobalSignOut(b -> b
        .userPoolId(userPoolId).username(user)));
  }

  /**
   * Deletes the user an access token belongs to ({@code DeleteUser}, authorised by the token
   * alone). A user the pool no longer has ({@code UserNotFoundException}, which AWS answers for a
   * token of a deleted user) counts as deleted, so a rerun after a crash passes.
   *
   * @param accessToken a current access token of the user
   * @throws dev.profilekit.TokenRejectedException if Cognito refuses the token (revoked, expired)
   */
  public void deleteUser(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    try {
      cognito.deleteUser(b -> b.accessToken(token));
    } catch (UserNotFoundException alreadyDeleted) {
      // Deleted by an earlier run: the goal is reached.
    } catch (SdkException e) {
      throw CognitoErrors.map(CognitoOperation.DELETE_USER, e);
    }
  }

  /**
   * Deletes a user on their behalf ({@code AdminDeleteUser}).
   *
   * @param username the Cognito username
   * @return true if the user was deleted, false if the pool has no user with this username
   */
  public boolean adminDeleteUser(String username) {
    String user = CredentialChecks.username(username);
    try {
      cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(user));
      return true;
    } catch (UserNotFoundException noSuchUsername) {
      return false;
    } catch (SdkException e) {
      throw CognitoErrors.map(CognitoOperation.ADMIN_DELETE_USER, e);
    }
  }

  /**
   * Looks a user up by username ({@code AdminGetUser}).
   *
   * @param username the Cognito username
   * @return the user, or empty when the pool has no such user
   */
  public Optional<CognitoUser> adminGetUser(String username) {
    String user = CredentialChecks.username(username);
    AdminGetUserResponse response;
    try {
      response = cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(user));
    } catch (UserNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw CognitoErrors.map(CognitoOperation.ADMIN_GET_USER, e);
    }
    Map<String, String> attributes = attributes(response.hasUserAttributes() ? response.userAttributes() : List.of());
    return Optional.of(user(response.username(), attributes, Optional.ofNullable(response.userCreateDate())));
  }

  /**
   * Looks a user up by {@code sub} ({@code ListUsers} with the filter {@code sub = "..."}), for
   * pools where the username is not the {@code sub}.
   *
   * @param userId the {@code sub}
   * @return the user, or empty when the pool has no such user
   */
  public Optional<CognitoUser> findUserBySub(String userId) {
    if (userId == null || !SUB.matcher(userId).matches()) {
      throw new InvalidRequestException("userId", RequestChecks.FORMAT, "a Cognito sub");
    }
    ListUsersResponse response = call(CognitoOperation.LIST_USERS, () -> cognito.listUsers(b -> b
        .userPoolId(userPoolId).filter("sub = \"" + userId + "\"").limit(1)));
    for (UserType found : response.users()) {
      Map<String, String> attributes = attributes(found.hasAttributes() ? found.attributes() : List.of());
      // Filters match exactly on AWS; checking again costs nothing and guards against looser emulators.
      if (userId.equals(attributes.get("sub"))) {
        return Optional.of(user(found.username(), attributes, Optional.ofNullable(found.userCreateDate())));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the email change calls, on the same client.
   *
   * @return the email change calls
   */
  public CognitoEmailChange emailChange() {
    return new CognitoEmailChange(cognito);
  }

  /**
   * Returns the call by which a user reads their own account, on the same client.
   *
   * @return the {@code GetUser} call
   */
  public CognitoOwnUser ownUser() {
    return new CognitoOwnUser(cognito);
  }

  private static CognitoUser user(String username, Map<String, String> attributes, Optional<Instant> createdAt) {
    String sub = attributes.getOrDefault("sub", username);
    return new CognitoUser(username, sub, attributes, CognitoIdentities.fromAttribute(attributes.get("identities")), createdAt);
  }

  private static Map<String, String> attributes(List<AttributeType> list) {
    Map<String, String> attributes = new HashMap<>();
    for (AttributeType attribute : list) {
      if (attribute.name() != null && attribute.value() != null) {
        attributes.put(attribute.name(), attribute.value());
      }
    }
    return attributes;
  }

  private CognitoTokens tokens(AuthenticationResultType result) {
    return AppClient.tokens(result, clock);
  }

  private String secretHash(String username) {
    return clientSecret == null ? null : SecretHash.of(clientSecret, username, clientId);
  }

  private void putSecretHash(Map<String, String> parameters, String username) {
    if (clientSecret != null) {
      parameters.put("SECRET_HASH", SecretHash.of(clientSecret, username, clientId));
    }
  }

  private static <T> T call(CognitoOperation operation, Supplier<T> request) {
    return AppClient.call(operation, request);
  }

  /** Builds a {@link CognitoAuth}; the client, user pool id and app client id are required. */
  public static final class Builder {
    private CognitoIdentityProviderClient cognito;
    private String userPoolId;
    private String clientId;
    private String clientSecret;
    private Clock clock = Clock.systemUTC();
    private int minimumPasswordLength = 8;

    private Builder() {}

    /**
     * Sets the Cognito client; it is not closed by this class.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognito(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the user pool id.
     *
     * @param userPoolId for example {@code eu-west-1_AbCdEf123}
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the app client id.
     *
     * @param clientId the app client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the app client secret, when the app client has one; a {@code SECRET_HASH} is then sent
     * with every call that needs it.
     *
     * @param clientSecret the secret, or null for none
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the clock used to compute token expiry instants (default: the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the shortest password accepted without asking Cognito (default 8, Cognito's default
     * policy); the pool's full policy is still enforced by Cognito.
     *
     * @param minimumPasswordLength 6 to 99
     * @return this builder
     */
    public Builder minimumPasswordLength(int minimumPasswordLength) {
      this.minimumPasswordLength = minimumPasswordLength;
      return this;
    }

    /**
     * Builds the client of Cognito.
     *
     * @return the instance
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public CognitoAuth build() {
      RequestChecks.required(cognito, "cognito");
      RequestChecks.requiredText(userPoolId, "userPoolId");
      RequestChecks.requiredText(clientId, "clientId");
      RequestChecks.required(clock, "clock");
      RequestChecks.check(clientSecret == null || !clientSecret.isEmpty(), "clientSecret", RequestChecks.NOT_BLANK,
          "leave it unset when the app client has no secret");
      // Cognito's own range for a pool's minimum password length.
      RequestChecks.range(minimumPasswordLength, 6, 99, "minimumPasswordLength");
      return new CognitoAuth(this);
    }
  }
}
