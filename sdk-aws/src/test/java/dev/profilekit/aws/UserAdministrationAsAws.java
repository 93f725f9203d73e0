package dev.profilekit.aws;

import dev.profilekit.aws.emulators.AwsAnswers;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminResetUserPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Stands in, with {@link AwsAnswers}, for what AWS does in user management and cognito-local does
 * not (see {@code docs/emulators.md}; {@code CognitoGapsIT} shows each raw gap):
 *
 * <ul>
 *   <li>A disabled user's password sign-in: cognito-local keeps {@code Enabled=false} after {@code
 *       AdminDisableUser} but signs the user in; AWS refuses with {@code NotAuthorizedException}
 *       "User is disabled." (the AdminDisableUser reference: "A deactivated user can't sign in").
 *       The stand-in reads {@code Enabled} from cognito-local itself ({@code AdminGetUser}).
 *   <li>{@code AdminResetUserPassword}, which cognito-local lacks (HTTP 500 {@code Unsupported}):
 *       answered {@code 200 {}} as AWS answers it, after having cognito-local issue a reset code
 *       ({@code ForgotPassword}, so its fixed code confirms the reset as AWS's emailed code would);
 *       an unknown user gets {@code UserNotFoundException} "User does not exist.". From then on
 *       the user's password sign-in is refused with {@code PasswordResetRequiredException}
 *       "Password reset required for the user" (the reference: "If a user tries to sign in after
 *       the API is called, Amazon Cognito responds with a PasswordResetRequiredException"), until
 *       a {@code ConfirmForgotPassword} for the user.
 *   <li>{@code CreateGroup} of an existing group: cognito-local overwrites the group, members
 *       included; AWS refuses with {@code GroupExistsException} and changes nothing.
 * </ul>
 *
 * <p>The sign-in refusals are given whatever password is presented, as AWS checks the account's state
 * first. The stand-in's own calls go through {@code direct}, a client without interceptors.
 */
final class UserAdministrationAsAws {

  private final CognitoIdentityProviderClient direct;
  private final String userPoolId;
  private final String clientId;
  /** The subs of users whose password an administrator reset, until they set a new one. */
  private final Set<String> resetRequired = ConcurrentHashMap.newKeySet();

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   * @param clientId an app client of the pool, for {@code ForgotPassword}
   */
  UserAdministrationAsAws(CognitoIdentityProviderClient direct, String userPoolId, String clientId) {
    this.direct = direct;
    this.userPoolId = userPoolId;
    this.clientId = clientId;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .failWhen("InitiateAuth", request -> passwordSignIn(request).flatMap(this::user)
            .filter(user -> Boolean.FALSE.equals(user.enabled())).isPresent(), 400, "NotAuthorizedException", "User is disabled.")
        .failWhen("InitiateAuth", request -> passwordSignIn(request).flatMap(this::user)
            .filter(user -> resetRequired.contains(sub(user))).isPresent(), 400, "PasswordResetRequiredException",
            "Password reset required for the user")
        .failWhen("CreateGroup", request -> groupExists(((CreateGroupRequest) request).groupName()), 400, "GroupExistsException",
            "A group with the name already exists.")
        .failWhen("AdminResetUserPassword", request -> user(((AdminResetUserPasswordRequest) request).username()).isEmpty(), 400,
            "UserNotFoundException", "User does not exist.")
        .answerWhen("AdminResetUserPassword", request -> resetPassword(((AdminResetUserPasswordRequest) request).username()), 200, "{}")
        .answerWhen("ConfirmForgotPassword", request -> {
          // Noted, not answered: cognito-local checks the code and sets the password.
          user(((ConfirmForgotPasswordRequest) request).username()).ifPresent(user -> resetRequired.remove(sub(user)));
          return false;
        }, 200, "{}");
  }

  private boolean groupExists(String groupName) {
    // ListGroups rather than GetGroup: cognito-local answers GetGroup of a missing group with HTTP 500.
    return direct.listGroupsPaginator(b -> b.userPoolId(userPoolId)).groups().stream()
        .anyMatch(group -> group.groupName().equals(groupName));
  }

  private static Optional<String> passwordSignIn(SdkRequest request) {
    InitiateAuthRequest auth = (InitiateAuthRequest) request;
    // SRP too: the account's state is checked before any proof (SrpAsAws answers the rest).
    if ((auth.authFlow() != AuthFlowType.USER_PASSWORD_AUTH && auth.authFlow() != AuthFlowType.USER_SRP_AUTH)
        || !auth.hasAuthParameters()) {
      return Optional.empty();
    }
    return Optional.ofNullable(auth.authParameters().get("USERNAME"));
  }

  private boolean resetPassword(String username) {
    AdminGetUserResponse user = user(username).orElseThrow();
    String email = attribute(user, "email");
    direct.forgotPassword(b -> b.clientId(clientId).username(email == null ? user.username() : email));
    resetRequired.add(sub(user));
    return true;
  }

  private Optional<AdminGetUserResponse> user(String username) {
    if (username == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(direct.adminGetUser(b -> b.userPoolId(userPoolId).username(username)));
    } catch (UserNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String sub(AdminGetUserResponse user) {
    String sub = attribute(user, "sub");
    return sub == null ? user.username() : sub;
  }

  private static String attribute(AdminGetUserResponse user, String name) {
    return user.userAttributes().stream().filter(a -> name.equals(a.name())).map(AttributeType::value).findFirst().orElse(null);
  }
}
