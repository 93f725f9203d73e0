package dev.profilekit.aws.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.AccountLinkingException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * Account linking against cognito-local for the user lookups; {@code AdminLinkProviderForUser},
 * which cognito-local lacks, is captured and answered by {@link LinkProviderAnswerer}.
 */
@WithEmulators
class AccountLinkerIT {

  private LinkProviderAnswerer answerer;
  private AccountLinker linker;
  private EmulatorEnvironment env;

  @BeforeEach
  void setUp(EmulatorEnvironment env) throws Exception {
    this.env = env;
    answerer = new LinkProviderAnswerer();
    CognitoIdentityProviderClient cognito = env.cognito(answerer);
    linker = AccountLinker.builder().cognitoClient(cognito).userPoolId(env.userPoolId()).build();
  }

  @AfterEach
  void tearDown() {
    answerer.close();
  }

  private String emailUser(String email, boolean verified) {
    String sub = env.createConfirmedUser(email, "Passw0rd!long", Map.of("given_name", "Ada"));
    env.cognito().adminUpdateUserAttributes(b -> b.userPoolId(env.userPoolId()).username(email)
        // cognito-local wants the email beside email_verified in the same update.
        .userAttributes(AttributeType.builder().name("email").value(email).build(),
            AttributeType.builder().name("email_verified").value(Boolean.toString(verified)).build()));
    return sub;
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  private static ExternalIdentity google(String email, boolean verified) {
    return ExternalIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("110169484474386276334")
        .email(email).emailVerified(verified).build();
  }

  @Test
  void aGoogleIdentityIsLinkedToTheEmailUserWithTheSameVerifiedEmail() {
    String email = uniqueEmail();
    String sub = emailUser(email, true);

    AccountLink link = linker.link(google(email.toUpperCase(java.util.Locale.ROOT), true), email);

    assertThat(link.userId()).isEqualTo(sub);
    assertThat(link.identity().provider()).isEqualTo(IdentityProvider.GOOGLE);
    assertThat(link.identity().linkedAt()).isPresent();
    assertThat(answerer.captured()).hasSize(1);
    AdminLinkProviderForUserRequest request = answerer.captured().get(0);
    assertThat(request.userPoolId()).isEqualTo(env.userPoolId());
    assertThat(request.destinationUser().providerName()).isEqualTo("Cognito");
    assertThat(request.destinationUser().providerAttributeValue()).isEqualTo(link.existingUsername());
    assertThat(request.sourceUser().providerName()).isEqualTo("Google");
    assertThat(request.sourceUser().providerAttributeName()).isEqualTo("Cognito_Subject");
    assertThat(request.sourceUser().providerAttributeValue()).isEqualTo("110169484474386276334");
  }

  @Test
  void anAppleIdentityFindsTheUserWithTheSameVerifiedEmail() {
    String email = uniqueEmail();
    String sub = emailUser(email, true);
    ExternalIdentity apple = ExternalIdentity.builder().provider(IdentityProvider.APPLE)
        .providerUserId("001234.abcd1234abcd1234.0123").email(email).emailVerified(true).build();

    AccountLink link = linker.linkToUserWithSameEmail(apple).orElseThrow();

    assertThat(link.userId()).isEqualTo(sub);
    assertThat(answerer.captured()).singleElement()
        .satisfies(request -> assertThat(request.sourceUser().providerName()).isEqualTo("SignInWithApple"));
  }

  @Test
  void noUserWithThatEmailLinksNothing() {
    assertThat(linker.linkToUserWithSameEmail(google(uniqueEmail(), true))).isEmpty();
    assertThat(answerer.captured()).isEmpty();
  }

  @Test
  void differentEmailsAreRefusedWithoutLinking() {
    String email = uniqueEmail();
    emailUser(email, true);

    assertThatThrownBy(() -> linker.link(google(uniqueEmail(), true), email))
        .isInstanceOf(AccountLinkingException.class).hasMessageContaining("differs");
    assertThat(answerer.captured()).isEmpty();
  }

  @Test
  void anUnverifiedEmailOfTheExistingUserIsRefusedWithoutLinking() {
    String email = uniqueEmail();
    emailUser(email, false);

    assertThatThrownBy(() -> linker.link(google(email, true), email))
        .isInstanceOf(AccountLinkingException.class).hasMessageContaining("not verified");
    assertThat(answerer.captured()).isEmpty();
  }

  @Test
  void anEmailTheProviderDidNotVerifyIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> linker.link(google("someone@example.com", false), "someone@example.com"))
        .isInstanceOf(AccountLinkingException.class).hasMessageContaining("not verified by the provider");
    assertThatThrownBy(() -> linker.link(google("someone@example.com", true), " bad name"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("existingUsername"));
    assertThatThrownBy(() -> linker.linkToUserWithSameEmail(google("a\"b@example.com", true)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(answerer.operations()).isEmpty();
  }

  @Test
  void anUnknownExistingUserIsUserNotFound() {
    assertThatThrownBy(() -> linker.link(google("ghost@example.com", true), "ghost@example.com"))
        .isInstanceOf(UserNotFoundException.class);
  }

  @Test
  void cognitosRefusalToLinkIsAnAccountLinkingException() {
    String email = uniqueEmail();
    emailUser(email, true);
    answerer.answerError(400, "InvalidParameterException", "Merging is not currently supported");

    assertThatThrownBy(() -> linker.link(google(email, true), email))
        .isInstanceOf(AccountLinkingException.class).hasMessageContaining("InvalidParameterException");
  }
}
