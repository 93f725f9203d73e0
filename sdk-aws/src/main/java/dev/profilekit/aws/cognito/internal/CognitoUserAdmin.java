package dev.profilekit.aws.cognito.internal;

import dev.profilekit.AccountStatus;
import dev.profilekit.NewUser;
import dev.profilekit.UserAccount;
import dev.profilekit.internal.UserAdministration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The user pool administration calls of the admin view: create a user with a temporary password,
 * read a user with their groups, disable and enable, force a password reset, groups. Each call
 * takes the Cognito username; finding it from a {@code sub} is the caller's job.
 *
 * <p>Every input is checked before the call and every failure is mapped by {@link CognitoErrors}
 * ({@code UserNotFoundException} is {@link dev.profilekit.UserNotFoundException}, a missing group
 * {@link dev.profilekit.GroupNotFoundException}). Needs the IAM actions listed in {@code
 * docs/setup.md} (operator policy). Thread-safe; the client is not closed by this class.
 */
public final class CognitoUserAdmin {

  /** {@code AdminListGroupsForUser} returns at most 60 groups a page. */
  private static final int GROUPS_PAGE = 60;

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final int minimumPasswordLength;
  private final CognitoMfaPreferences mfaPreferences;

  /**
   * Creates the client of the user pool's administration API.
   *
   * @param cognito the Cognito client, not closed here
   * @param userPoolId the user pool
   * @param minimumPasswordLength the shortest temporary password accepted without asking Cognito
   */
  public CognitoUserAdmin(CognitoIdentityProviderClient cognito, String userPoolId, int minimumPasswordLength) {
    this.cognito = Objects.requireNonNull(cognito, "cognito is required");
    this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId is required");
    this.minimumPasswordLength = minimumPasswordLength;
    this.mfaPreferences = new CognitoMfaPreferences(cognito, userPoolId);
  }

  /**
   * Returns the calls that set users' second factors, on the same client and pool.
   *
   * @return the MFA preference calls
   */
  public CognitoMfaPreferences mfaPreferences() {
    return mfaPreferences;
  }

  /**
   * Creates an email user with a verified email ({@code AdminCreateUser}); the pool generates a
   * temporary password when none is given, and sends the invitation by email unless told not to.
   *
   * @param user the new user
   * @return the created account
   */
  public UserAccount createUser(NewUser user) {
    UserAdministration.newUser(user);
    String email = CredentialChecks.email("email", user.email());
    String temporaryPassword = user.temporaryPassword()
        .map(password -> CredentialChecks.newPassword("temporaryPassword", password, minimumPasswordLength))
        .orElse(null);
    Map<String, String> attributes = UserAdministration.attributesOf(user, email);
    List<AttributeType> userAttributes = new ArrayList<>();
    attributes.forEach((name, value) -> userAttributes.add(
        AttributeType.builder().name(name).value(CredentialChecks.attributeValue(name, value)).build()));
    AdminCreateUserRequest.Builder request = AdminCreateUserRequest.builder()
        .userPoolId(userPoolId)
        .username(email)
        .temporaryPassword(temporaryPassword)
        .userAttributes(userAttributes);
    if (user.sendInvitation()) {
      request.desiredDeliveryMediums(DeliveryMediumType.EMAIL);
    } else {
      request.messageAction(MessageActionType.SUPPRESS);
    }
    UserType created = call(CognitoOperation.ADMIN_CREATE_USER, () -> cognito.adminCreateUser(request.build())).user();
    return account(created.username(), created.hasAttributes() ? created.attributes() : List.of(),
        !Boolean.FALSE.equals(created.enabled()), created.userStatus(), created.userCreateDate(), List.of());
  }

  /**
   * Reads a user and their groups ({@code AdminGetUser}, then {@code AdminListGroupsForUser} page
   * by page).
   *
   * @param username the Cognito username
   * @return the account
   * @throws dev.profilekit.UserNotFoundException if the pool has no such username
   */
  public UserAccount getUser(String username) {
    String user = CredentialChecks.username(username);
    AdminGetUserResponse found = call(CognitoOperation.ADMIN_GET_USER,
        () -> cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(user)));
    List<String> groups = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      AdminListGroupsForUserResponse page = call(CognitoOperation.ADMIN_LIST_GROUPS_FOR_USER,
          () -> cognito.adminListGroupsForUser(b -> b.userPoolId(userPoolId).username(user).limit(GROUPS_PAGE).nextToken(token)));
      for (GroupType group : page.groups()) {
        groups.add(group.groupName());
      }
      next = page.nextToken();
    } while (next != null && !next.isEmpty());
    return account(found.username(), found.hasUserAttributes() ? found.userAttributes() : List.of(),
        !Boolean.FALSE.equals(found.enabled()), found.userStatus(), found.userCreateDate(), groups);
  }

  /**
   * Disables a user ({@code AdminDisableUser}): Cognito refuses their sign-ins and revokes their
   * access tokens.
   *
   * @param username the Cognito username
   */
  public void disableUser(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.ADMIN_DISABLE_USER, () -> cognito.adminDisableUser(b -> b.userPoolId(userPoolId).username(user)));
  }

  /**
   * Enables a user again ({@code AdminEnableUser}).
   *
   * @param username the Cognito username
   */
  public void enableUser(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.ADMIN_ENABLE_USER, () -> cognito.adminEnableUser(b -> b.userPoolId(userPoolId).username(user)));
  }

  /**
   * Forces a password reset ({@code AdminResetUserPassword}): the password stops working and a
   * reset code goes to the verified email.
   *
   * @param username the Cognito username
   */
  public void resetPassword(String username) {
    String user = CredentialChecks.username(username);
    call(CognitoOperation.ADMIN_RESET_USER_PASSWORD,
        () -> cognito.adminResetUserPassword(b -> b.userPoolId(userPoolId).username(user)));
  }

  /**
   * Creates a group ({@code CreateGroup}); one that exists already ({@code GroupExistsException})
   * is left as it is.
   *
   * @param groupName the group
   */
  public void createGroup(String groupName) {
    String group = UserAdministration.groupName(groupName);
    try {
      cognito.createGroup(b -> b.userPoolId(userPoolId).groupName(group));
    } catch (GroupExistsException exists) {
      // The goal is reached: the group exists. Its description and precedence are not touched.
    } catch (SdkException e) {
      throw CognitoErrors.map(CognitoOperation.CREATE_GROUP, e);
    }
  }

  /**
   * Adds a user to a group ({@code AdminAddUserToGroup}; adding a member again changes nothing).
   *
   * @param username the Cognito username
   * @param groupName the group
   */
  public void addUserToGroup(String username, String groupName) {
    String user = CredentialChecks.username(username);
    String group = UserAdministration.groupName(groupName);
    call(CognitoOperation.ADMIN_ADD_USER_TO_GROUP,
        () -> cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(user).groupName(group)));
  }

  /**
   * Removes a user from a group ({@code AdminRemoveUserFromGroup}).
   *
   * @param username the Cognito username
   * @param groupName the group
   */
  public void removeUserFromGroup(String username, String groupName) {
    String user = CredentialChecks.username(username);
    String group = UserAdministration.groupName(groupName);
    call(CognitoOperation.ADMIN_REMOVE_USER_FROM_GROUP,
        () -> cognito.adminRemoveUserFromGroup(b -> b.userPoolId(userPoolId).username(user).groupName(group)));
  }

  private static UserAccount account(String username, List<AttributeType> attributeList, boolean enabled,
      UserStatusType status, Instant createdAt, List<String> groups) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (AttributeType attribute : attributeList) {
      if (attribute.name() != null && attribute.value() != null) {
        attributes.put(attribute.name(), attribute.value());
      }
    }
    UserAccount.Builder account = UserAccount.builder()
        .userId(attributes.getOrDefault("sub", username))
        .username(username)
        .emailVerified("true".equals(attributes.get("email_verified")))
        .enabled(enabled)
        .status(status(status))
        .groups(groups)
        .attributes(attributes);
    if (attributes.get("email") != null) {
      account.email(attributes.get("email"));
    }
    if (createdAt != null) {
      account.createdAt(createdAt);
    }
    return account.build();
  }

  private static AccountStatus status(UserStatusType status) {
    if (status == null) {
      return AccountStatus.OTHER;
    }
    switch (status) {
      case UNCONFIRMED:
        return AccountStatus.UNCONFIRMED;
      case CONFIRMED:
        return AccountStatus.CONFIRMED;
      case FORCE_CHANGE_PASSWORD:
        return AccountStatus.FORCE_CHANGE_PASSWORD;
      case RESET_REQUIRED:
        return AccountStatus.RESET_REQUIRED;
      case EXTERNAL_PROVIDER:
        return AccountStatus.EXTERNAL_PROVIDER;
      default:
        return AccountStatus.OTHER;
    }
  }

  private static <T> T call(CognitoOperation operation, Supplier<T> request) {
    return AppClient.call(operation, request);
  }
}
