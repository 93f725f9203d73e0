package dev.profilekit.aws.cognito.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/**
 * What a user reads of themselves from the user pool, authorised by their access token alone (no
 * IAM permission): Cognito's {@code GetUser}, for the user's own account export. Cognito refuses a
 * revoked or expired token ({@code NotAuthorizedException}, surfaced as {@link
 * dev.profilekit.TokenRejectedException} {@code REVOKED}) and answers {@code UserNotFoundException}
 * for a deleted user's token ({@link dev.profilekit.UserNotFoundException}); see {@link
 * CognitoErrors}.
 */
public final class CognitoOwnUser {

  /**
   * The user as {@code GetUser} describes them. The MFA settings it also returns are not kept: the
   * export does not carry them (see {@code docs/account-lifecycle.md}).
   *
   * @param username the user pool's username
   * @param attributes every attribute with a value, by its Cognito name
   */
  public record OwnUser(String username, Map<String, String> attributes) {
    /** Copies the attributes. */
    public OwnUser {
      attributes = Map.copyOf(attributes);
    }
  }

  private final CognitoIdentityProviderClient cognito;

  CognitoOwnUser(CognitoIdentityProviderClient cognito) {
    this.cognito = cognito;
  }

  /**
   * Reads the user of an access token ({@code GetUser}).
   *
   * @param accessToken the user's access token
   * @return the username and attributes
   */
  public OwnUser read(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    GetUserResponse user = AppClient.call(CognitoOperation.GET_USER, () -> cognito.getUser(b -> b.accessToken(token)));
    Map<String, String> attributes = new LinkedHashMap<>();
    for (AttributeType attribute : user.hasUserAttributes() ? user.userAttributes() : List.<AttributeType>of()) {
      if (attribute.name() != null && attribute.value() != null) {
        attributes.put(attribute.name(), attribute.value());
      }
    }
    return new OwnUser(user.username(), attributes);
  }
}
