package dev.profilekit.aws.emulators;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifyUserAttributeRequest;

/**
 * Stands in, with {@link AwsAnswers}, for what AWS does in an email change and cognito-local does
 * not (see {@code docs/emulators.md}; {@code EmailChangeGapsIT} shows the raw gap).
 *
 * <p>In a pool that signs in by email ({@code UsernameAttributes=email}) every email is a sign-in
 * alias, unique in the pool: AWS refuses {@code UpdateUserAttributes} to an email another user
 * has, and {@code VerifyUserAttribute} of a pending email another user took meanwhile, with {@code
 * AliasExistsException} (both are in the operations' error lists of the API reference), and changes
 * nothing. cognito-local checks neither and lets two users share the email. The stand-in looks the
 * email up in cognito-local itself ({@code ListUsers} filtered by {@code email}, through {@code
 * direct}, a client without interceptors) and refuses as AWS does.
 *
 * <p>What cognito-local does as AWS does is left to it: with {@code
 * AttributesRequireVerificationBeforeUpdate=email} set when the pool was created, it keeps the
 * original email (verified, signing in) until {@code VerifyUserAttribute}, and then moves sign-in
 * to the new one.
 */
public final class EmailChangeAsAws {

  private final CognitoIdentityProviderClient direct;
  private final String userPoolId;
  /** The email each user (by sub) asked for last, as AWS keeps it pending. */
  private final Map<String, String> pendingBySub = new ConcurrentHashMap<>();

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param userPoolId the pool
   */
  public EmailChangeAsAws(CognitoIdentityProviderClient direct, String userPoolId) {
    this.direct = direct;
    this.userPoolId = userPoolId;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  public AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .failWhen("UpdateUserAttributes", request -> {
          UpdateUserAttributesRequest update = (UpdateUserAttributesRequest) request;
          Optional<String> email = update.userAttributes().stream().filter(a -> "email".equals(a.name()))
              .map(AttributeType::value).findFirst();
          String sub = subOf(update.accessToken());
          if (email.isEmpty() || sub == null) {
            return false;
          }
          if (heldByAnother(email.get(), sub)) {
            return true;
          }
          pendingBySub.put(sub, email.get());
          return false;
        }, 400, "AliasExistsException", "An account with the given email already exists.")
        .failWhen("VerifyUserAttribute", request -> {
          VerifyUserAttributeRequest verify = (VerifyUserAttributeRequest) request;
          String sub = subOf(verify.accessToken());
          String pending = sub == null ? null : pendingBySub.get(sub);
          return "email".equals(verify.attributeName()) && pending != null && heldByAnother(pending, sub);
        }, 400, "AliasExistsException", "An account with the given email already exists.");
  }

  private boolean heldByAnother(String email, String sub) {
    for (UserType user : direct.listUsers(b -> b.userPoolId(userPoolId).filter("email = \"" + email + "\"")).users()) {
      Optional<String> holder = user.attributes().stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst();
      boolean sameEmail = user.attributes().stream().anyMatch(a -> "email".equals(a.name()) && email.equalsIgnoreCase(a.value()));
      if (sameEmail && !holder.orElse(user.username()).equals(sub)) {
        return true;
      }
    }
    return false;
  }

  private static String subOf(String accessToken) {
    try {
      return accessToken == null ? null : SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject();
    } catch (ParseException notAToken) {
      return null;
    }
  }
}
