package dev.profilekit.aws.federated;

import dev.profilekit.AccountLinkingException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Links a Google, Apple, OIDC or SAML identity to an existing email-and-password user of the pool,
 * so that both sign-ins reach one user ({@code sub}) and one profile. For operators and
 * back-office code; it needs {@code cognito-idp:AdminGetUser}, {@code cognito-idp:ListUsers} and
 * {@code cognito-idp:AdminLinkProviderForUser} permissions.
 *
 * <p>Linking is refused with {@link AccountLinkingException} unless the provider and the existing
 * user both vouch for the same email: the identity's email is verified by the provider, the
 * existing user's {@code email_verified} is {@code true}, and the two emails are equal ignoring
 * case. Without this check anyone who can create an account at some provider with your email
 * address could take over your account.
 *
 * <p>Cognito links an identity only while it has no user of its own in the pool: link it before
 * its first sign-in (for example from a pre sign-up Lambda trigger, which receives the provider's
 * attributes), or delete the federated user first, after moving anything its profile holds. See
 * {@code docs/federated-sign-in.md}.
 *
 * <p>Thread-safe. The Cognito client is the caller's and is not closed by this class.
 */
public final class AccountLinker {

  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
  /** Characters that would end or escape the quoted value of a ListUsers filter. */
  private static final Pattern FILTER_UNSAFE = Pattern.compile("[\"\\\\\\p{Cntrl}]");

  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final Clock clock;

  private AccountLinker(Builder builder) {
    this.cognito = builder.cognito;
    this.userPoolId = builder.userPoolId;
    this.clock = builder.clock;
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Links an external identity to the given existing user, after checking that both have the same
   * verified email.
   *
   * <p>Costs: 1 Cognito {@code AdminGetUser} and 1 {@code AdminLinkProviderForUser}; none when the
   * identity itself is refused.
   *
   * @param identity the external identity, with the email its provider gave
   * @param existingUsername the existing user's Cognito username (or email alias)
   * @return the link
   * @throws AccountLinkingException if the emails differ or either is unverified, the existing user
   *     is itself a federated user, or Cognito refuses the link (the identity already has its own
   *     user, or the user has too many linked identities)
   * @throws UserNotFoundException if the existing user does not exist
   * @throws InvalidRequestException if an argument is missing or malformed
   */
  public AccountLink link(ExternalIdentity identity, String existingUsername) {
    String identityEmail = checkIdentity(identity);
    if (existingUsername == null || !USERNAME.matcher(existingUsername).matches()) {
      throw new InvalidRequestException("existingUsername", existingUsername == null ? RequestChecks.REQUIRED : RequestChecks.FORMAT,
          "a Cognito username of 1 to 128 visible characters");
    }
    AdminGetUserResponse existing = call(() -> cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(existingUsername)));
    Map<String, String> attributes = existing.userAttributes().stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a));
    checkExisting(existing.userStatus(), attributes, identityEmail);
    return linkTo(identity, existing.username(), attributes.getOrDefault("sub", existing.username()));
  }

  /**
   * Finds the one email-and-password user whose verified email is the identity's, and links the
   * identity to it.
   *
   * <p>Costs: 1 Cognito {@code ListUsers} and, when a user is found, 1 {@code
   * AdminLinkProviderForUser}.
   *
   * @param identity the external identity, with the verified email its provider gave
   * @return the link, or empty when no such user exists (nothing was changed)
   * @throws AccountLinkingException if the identity's email is unverified, several users have that
   *     email, or Cognito refuses the link
   * @throws InvalidRequestException if the identity is missing or its email cannot be searched for
   */
  public Optional<AccountLink> linkToUserWithSameEmail(ExternalIdentity identity) {
    String identityEmail = checkIdentity(identity);
    if (FILTER_UNSAFE.matcher(identityEmail).find()) {
      throw new InvalidRequestException("identity.email", RequestChecks.FORMAT, "an email without quotes, backslashes or control characters");
    }
    List<UserType> candidates = call(() -> cognito.listUsers(b -> b.userPoolId(userPoolId).filter("email = \"" + identityEmail + "\"")))
        .users().stream()
        // Federated users have the same email too; only the pool's own users can be link targets.
        .filter(user -> user.userStatus() != UserStatusType.EXTERNAL_PROVIDER)
        .filter(user -> attribute(user.attributes(), "email").map(email -> sameEmail(email, identityEmail)).orElse(false))
        .collect(Collectors.toList());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (candidates.size() > 1) {
      throw new AccountLinkingException("several users of the pool have this email; link to one of them by username");
    }
    UserType existing = candidates.get(0);
    Map<String, String> attributes = existing.attributes().stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a));
    checkExisting(existing.userStatus(), attributes, identityEmail);
    return Optional.of(linkTo(identity, existing.username(), attributes.getOrDefault("sub", existing.username())));
  }

  private static String checkIdentity(ExternalIdentity identity) {
    if (identity == null) {
      throw new InvalidRequestException("identity", RequestChecks.REQUIRED, "the external identity to link is required");
    }
    if (identity.provider().kind() == IdentityProvider.Kind.COGNITO) {
      throw new AccountLinkingException("only external identities (Google, Apple, OIDC, SAML) can be linked to a user");
    }
    String email = identity.email().filter(e -> !e.isBlank())
        .orElseThrow(() -> new AccountLinkingException("the " + identity.provider() + " identity has no email to match"));
    if (!identity.emailVerified()) {
      throw new AccountLinkingException("the " + identity.provider() + " identity's email is not verified by the provider");
    }
    return email;
  }

  private static void checkExisting(UserStatusType status, Map<String, String> attributes, String identityEmail) {
    if (status == UserStatusType.EXTERNAL_PROVIDER) {
      throw new AccountLinkingException("the existing user is itself a federated user; link to an email-and-password user");
    }
    String email = Optional.ofNullable(attributes.get("email"))
        .orElseThrow(() -> new AccountLinkingException("the existing user has no email"));
    if (!"true".equalsIgnoreCase(attributes.get("email_verified"))) {
      throw new AccountLinkingException("the existing user's email is not verified");
    }
    if (!sameEmail(email, identityEmail)) {
      throw new AccountLinkingException("the existing user's email differs from the identity's");
    }
  }

  private AccountLink linkTo(ExternalIdentity identity, String existingUsername, String userId) {
    call(() -> cognito.adminLinkProviderForUser(b -> b
        .userPoolId(userPoolId)
        .destinationUser(ProviderUserIdentifierType.builder()
            .providerName("Cognito")
            .providerAttributeValue(existingUsername)
            .build())
        .sourceUser(ProviderUserIdentifierType.builder()
            .providerName(identity.provider().name())
            // Cognito_Subject: the provider's user id (sub for OIDC, NameID for SAML).
            .providerAttributeName("Cognito_Subject")
            .providerAttributeValue(identity.providerUserId())
            .build())));
    return AccountLink.builder()
        .existingUsername(existingUsername)
        .userId(userId)
        .identity(LinkedIdentity.builder()
            .provider(identity.provider())
            .providerUserId(identity.providerUserId())
            .linkedAt(clock.instant())
            .build())
        .build();
  }

  private static boolean sameEmail(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  private static Optional<String> attribute(List<AttributeType> attributes, String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst();
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException e) {
      throw new UserNotFoundException("the existing user does not exist in the pool", e);
    } catch (TooManyRequestsException e) {
      throw new ThrottledException("Cognito throttled the account linking request", e);
    } catch (LimitExceededException e) {
      throw new AccountLinkingException("Cognito refused the link: a limit was reached (at most 5 identities per user)", e);
    } catch (CognitoIdentityProviderException e) {
      if (e.statusCode() >= 500) {
        throw new ServiceUnavailableException("Cognito failed the account linking request (HTTP " + e.statusCode() + ")", e);
      }
      String code = e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
      throw new AccountLinkingException("Cognito refused the account linking request: " + code, e);
    } catch (SdkClientException e) {
      throw new ServiceUnavailableException("Cognito could not be reached for account linking", e);
    }
  }

  /** Builds an {@link AccountLinker}; {@code cognitoClient} and {@code userPoolId} are required. */
  public static final class Builder {
    private CognitoIdentityProviderClient cognito;
    private String userPoolId;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the Cognito client; the caller keeps ownership and closes it.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognitoClient(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the user pool id, such as {@code eu-west-1_AbCdEf123}.
     *
     * @param userPoolId the pool id
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the clock that stamps {@link LinkedIdentity#linkedAt()}; the system UTC clock by
     * default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the linker.
     *
     * @return the linker
     * @throws InvalidRequestException naming the first missing setting
     */
    public AccountLinker build() {
      if (cognito == null) {
        throw new InvalidRequestException("cognitoClient", RequestChecks.REQUIRED, "a CognitoIdentityProviderClient is required");
      }
      if (userPoolId == null || !userPoolId.matches("[\\w-]+_[0-9a-zA-Z]+")) {
        throw new InvalidRequestException("userPoolId", userPoolId == null ? RequestChecks.REQUIRED : RequestChecks.FORMAT, "a user pool id such as eu-west-1_AbCdEf123");
      }
      if (clock == null) {
        throw new InvalidRequestException("clock", RequestChecks.REQUIRED, "a clock is required");
      }
      return new AccountLinker(this);
    }
  }
}
