package dev.profilekit.aws.cognito.internal;

import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/**
 * The Cognito side of an email change, each call authorised by the user's access token alone (no
 * IAM permission): {@code UpdateUserAttributes} with the new email, {@code VerifyUserAttribute}
 * with the code sent to it, and {@code GetUser} to read back the email Cognito holds.
 *
 * <p>The user pool should require verification before an email update ({@code
 * UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate=[email]}, see {@code
 * docs/setup.md}): Cognito then keeps the original email, verified, active for sign-in and
 * messages until {@code VerifyUserAttribute} succeeds. In a pool without that setting the email
 * changes at once, unverified; reading the email back after each step keeps the profile in step
 * with Cognito either way. Errors go through {@link CognitoErrors} ({@code AliasExistsException}
 * is {@link dev.profilekit.EmailInUseException}, {@code CodeMismatchException} and {@code
 * ExpiredCodeException} are {@link dev.profilekit.InvalidCodeException}).
 */
public final class CognitoEmailChange {

  /**
   * The email as Cognito holds it.
   *
   * @param email the {@code email} attribute, if the user has one
   * @param verified whether {@code email_verified} is {@code true}
   */
  public record IdentityEmail(Optional<String> email, boolean verified) {}

  private final CognitoIdentityProviderClient cognito;

  CognitoEmailChange(CognitoIdentityProviderClient cognito) {
    this.cognito = cognito;
  }

  /**
   * Asks Cognito to change the user's email ({@code UpdateUserAttributes}); Cognito sends a code
   * to the new email.
   *
   * @param accessToken the user's access token
   * @param newEmail the new email, already checked
   */
  public void request(String accessToken, String newEmail) {
    String token = CredentialChecks.token("accessToken", accessToken);
    AppClient.call(CognitoOperation.UPDATE_USER_ATTRIBUTES, () -> cognito.updateUserAttributes(b -> b
        .accessToken(token)
        .userAttributes(AttributeType.builder().name("email").value(newEmail).build())));
  }

  /**
   * Verifies the new email with the code sent to it ({@code VerifyUserAttribute}).
   *
   * @param accessToken the user's access token
   * @param code the code, already checked
   */
  public void verify(String accessToken, String code) {
    String token = CredentialChecks.token("accessToken", accessToken);
    AppClient.call(CognitoOperation.VERIFY_USER_ATTRIBUTE, () -> cognito.verifyUserAttribute(b -> b
        .accessToken(token).attributeName("email").code(code)));
  }

  /**
   * Reads the email Cognito holds for the user ({@code GetUser}).
   *
   * @param accessToken the user's access token
   * @return the email and whether it is verified
   */
  public IdentityEmail current(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    GetUserResponse user = AppClient.call(CognitoOperation.GET_USER, () -> cognito.getUser(b -> b.accessToken(token)));
    Optional<String> email = Optional.empty();
    boolean verified = false;
    for (AttributeType attribute : user.hasUserAttributes() ? user.userAttributes() : java.util.List.<AttributeType>of()) {
      if ("email".equals(attribute.name())) {
        email = Optional.ofNullable(attribute.value());
      } else if ("email_verified".equals(attribute.name())) {
        verified = "true".equalsIgnoreCase(attribute.value());
      }
    }
    return new IdentityEmail(email, verified);
  }
}
