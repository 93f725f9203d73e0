package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.Passkey;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.SignUpRequest;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.JsonText;
import dev.profilekit.testing.TestPasskeyAuthenticator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompleteWebAuthnRegistrationRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsRequest;

/**
 * Passkeys on the emulators: cognito-local's raw gap, kept visible, and the requests the AWS
 * implementation sends, answered by {@link PasskeysAsAws} (the contract's {@code PasskeyCases}
 * run through it too, in {@code AwsUserProfileServiceContractIT}).
 */
@WithEmulators
class PasskeysIT {

  private static final String PASSWORD = "Passkeys-Pa55word!";

  private final EmulatorEnvironment env;

  PasskeysIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private AwsUserProfileService service(CognitoIdentityProviderClient cognito) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId())
        .tableName(env.tableName()).issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  private static AuthSession signedUpAndIn(AwsUserProfileService service) {
    String email = "passkeys+" + UUID.randomUUID() + "@example.com";
    service.signUp(SignUpRequest.builder().email(email).password(PASSWORD).build());
    service.confirmSignUp(email, LocalEmulators.CONFIRMATION_CODE);
    return service.signIn(email, PASSWORD).sessionOrThrow();
  }

  @Test
  void onCognitoLocalEveryPasskeyCallIsUnsupportedAndTheServiceSaysWhichFailed() {
    CognitoIdentityProviderClient raw = env.cognito();
    String email = "passkeys-gap+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    String accessToken = raw.initiateAuth(b -> b.clientId(env.appClientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult().accessToken();

    List<ThrowingConsumer<String>> calls = List.of(
        token -> raw.startWebAuthnRegistration(b -> b.accessToken(token)),
        token -> raw.completeWebAuthnRegistration(b -> b.accessToken(token)
            .credential(software.amazon.awssdk.core.document.Document.fromMap(Map.of()))),
        token -> raw.listWebAuthnCredentials(b -> b.accessToken(token)),
        token -> raw.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId("AAAA")));
    for (ThrowingConsumer<String> call : calls) {
      CognitoIdentityProviderException unsupported = catchThrowableOfType(CognitoIdentityProviderException.class,
          () -> call.accept(accessToken));
      assertThat(unsupported.statusCode()).isEqualTo(500);
    }

    AwsUserProfileService service = service(raw);
    AuthSession session = signedUpAndIn(service);
    ServiceUnavailableException failed = catchThrowableOfType(ServiceUnavailableException.class, () -> service.listPasskeys(session));
    assertThat(failed.getMessage()).contains("ListWebAuthnCredentials").doesNotContain(session.accessToken());
  }

  @Test
  void listingFollowsNextTokenToTheLastPageAskingTwentyAtATime() {
    AwsAnswers aws = new PasskeysAsAws(env.cognito(), "localhost", 1).addTo(new AwsAnswers());
    RequestCounter sent = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(aws, sent));
    AuthSession session = signedUpAndIn(service);
    List<String> registered = List.of(register(service, session), register(service, session), register(service, session));
    sent.reset();

    List<Passkey> listed = service.listPasskeys(session);

    assertThat(listed).extracting(Passkey::credentialId).containsExactlyElementsOf(registered);
    assertThat(sent.operations()).containsExactly("ListWebAuthnCredentials", "ListWebAuthnCredentials", "ListWebAuthnCredentials");
    List<ListWebAuthnCredentialsRequest> pages = sent.requests().stream().map(ListWebAuthnCredentialsRequest.class::cast).toList();
    assertThat(pages).allSatisfy(page -> {
      assertThat(page.maxResults()).isEqualTo(20);
      assertThat(page.accessToken()).isEqualTo(session.accessToken());
    });
    assertThat(pages.get(0).nextToken()).isNull();
    assertThat(pages.get(1).nextToken()).isNotNull();
    assertThat(pages.get(2).nextToken()).isNotNull().isNotEqualTo(pages.get(1).nextToken());
    assertThat(listed.get(0).createdAt()).isNotNull();
    assertThat(listed.get(0).relyingPartyId()).isEqualTo("localhost");
  }

  @Test
  void theOptionsAndTheCredentialPassThroughUnchanged() {
    AwsAnswers aws = new PasskeysAsAws(env.cognito(), "localhost", 20).addTo(new AwsAnswers());
    AwsUserProfileService service = service(env.cognito(aws));
    AuthSession session = signedUpAndIn(service);

    String options = service.startPasskeyRegistration(session);
    Object parsed = JsonText.parse(options);
    assertThat(parsed).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) parsed).get("challenge")).isInstanceOf(String.class);
    assertThat(((Map<?, ?>) ((Map<?, ?>) parsed).get("rp")).get("id")).isEqualTo("localhost");
    String credential = TestPasskeyAuthenticator.create().register(options);
    service.completePasskeyRegistration(session, credential);

    List<SdkRequest> sentToCognito = aws.requests();
    CompleteWebAuthnRegistrationRequest completed = sentToCognito.stream().filter(CompleteWebAuthnRegistrationRequest.class::isInstance)
        .map(CompleteWebAuthnRegistrationRequest.class::cast).findFirst().orElseThrow();
    // The document ProfileKit sent is the browser's JSON, member for member (it holds no numbers).
    assertThat(completed.credential().unwrap()).isEqualTo(JsonText.parse(credential));
    assertThat(completed.accessToken()).isEqualTo(session.accessToken());
  }

  @Test
  void aCredentialThatIsNoJsonObjectIsRefusedBeforeAnyCall() {
    AwsAnswers aws = new PasskeysAsAws(env.cognito(), "localhost", 20).addTo(new AwsAnswers());
    RequestCounter sent = new RequestCounter();
    AwsUserProfileService service = service(env.cognito(aws, sent));
    AuthSession session = signedUpAndIn(service);
    sent.reset();

    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
        () -> service.completePasskeyRegistration(session, "[\"not a credential\"]"));

    assertThat(refused.field()).isEqualTo("credential");
    assertThat(sent.count()).isZero();
  }

  private static String register(AwsUserProfileService service, AuthSession session) {
    TestPasskeyAuthenticator device = TestPasskeyAuthenticator.create();
    service.completePasskeyRegistration(session, device.register(service.startPasskeyRegistration(session)));
    return device.credentialId();
  }
}
