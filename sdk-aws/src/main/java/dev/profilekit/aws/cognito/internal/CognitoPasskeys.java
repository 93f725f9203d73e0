package dev.profilekit.aws.cognito.internal;

import dev.profilekit.Passkey;
import dev.profilekit.ProfileKitException;
import dev.profilekit.internal.JsonWriter;
import dev.profilekit.internal.PasskeyCeremonies;
import dev.profilekit.internal.RequestChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StartWebAuthnRegistrationResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * A signed-in user's passkeys, with their access token: registration ({@code
 * StartWebAuthnRegistration}, then {@code CompleteWebAuthnRegistration} with what the browser
 * made), listing ({@code ListWebAuthnCredentials}, every page) and deletion ({@code
 * DeleteWebAuthnCredential}). The WebAuthn JSON passes through as it is: Cognito's creation options
 * to the caller, the browser's credential to Cognito, converted between JSON text and the SDK's
 * {@link Document} only.
 *
 * <p>Thread-safe; the client is not closed by this class.
 */
public final class CognitoPasskeys {

  /** The largest page ListWebAuthnCredentials returns (its MaxResults, 1 to 20). */
  static final int PAGE_SIZE = 20;

  private final AppClient app;

  CognitoPasskeys(AppClient app) {
    this.app = app;
  }

  /**
   * Starts a registration.
   *
   * @param accessToken the user's access token
   * @return Cognito's {@code CredentialCreationOptions}, JSON
   */
  public String startRegistration(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    StartWebAuthnRegistrationResponse started = AppClient.call(CognitoOperation.START_WEB_AUTHN_REGISTRATION,
        () -> app.cognito().startWebAuthnRegistration(b -> b.accessToken(token)));
    if (started.credentialCreationOptions() == null || !started.credentialCreationOptions().isMap()) {
      throw new ProfileKitException("Cognito's StartWebAuthnRegistration returned no credential creation options");
    }
    return json(started.credentialCreationOptions());
  }

  /**
   * Completes a registration; the credential's form is checked first, as the in-memory service
   * checks it.
   *
   * @param accessToken the user's access token
   * @param credentialJson the browser's credential
   */
  public void completeRegistration(String accessToken, String credentialJson) {
    String token = CredentialChecks.token("accessToken", accessToken);
    Document credential = document(PasskeyCeremonies.credentialObject(credentialJson));
    AppClient.call(CognitoOperation.COMPLETE_WEB_AUTHN_REGISTRATION,
        () -> app.cognito().completeWebAuthnRegistration(b -> b.accessToken(token).credential(credential)));
  }

  /**
   * Lists the user's passkeys, following {@code NextToken} to the last page.
   *
   * @param accessToken the user's access token
   * @return the passkeys
   */
  public List<Passkey> list(String accessToken) {
    String token = CredentialChecks.token("accessToken", accessToken);
    List<Passkey> passkeys = new ArrayList<>();
    String next = null;
    do {
      String page = next;
      ListWebAuthnCredentialsResponse listed = AppClient.call(CognitoOperation.LIST_WEB_AUTHN_CREDENTIALS,
          () -> app.cognito().listWebAuthnCredentials(b -> b.accessToken(token).maxResults(PAGE_SIZE).nextToken(page)));
      if (listed.hasCredentials()) {
        listed.credentials().forEach(described -> passkeys.add(passkey(described)));
      }
      next = listed.nextToken();
    } while (next != null && !next.isEmpty());
    return passkeys;
  }

  /**
   * Deletes one passkey.
   *
   * @param accessToken the user's access token
   * @param credentialId the passkey's credential id
   */
  public void delete(String accessToken, String credentialId) {
    String token = CredentialChecks.token("accessToken", accessToken);
    String id = RequestChecks.requiredText(credentialId, "credentialId");
    AppClient.call(CognitoOperation.DELETE_WEB_AUTHN_CREDENTIAL,
        () -> app.cognito().deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(id)));
  }

  private static Passkey passkey(WebAuthnCredentialDescription described) {
    return Passkey.builder()
        .credentialId(described.credentialId())
        .friendlyName(described.friendlyCredentialName() == null ? "" : described.friendlyCredentialName())
        .relyingPartyId(described.relyingPartyId() == null ? "" : described.relyingPartyId())
        .authenticatorAttachment(java.util.Optional.ofNullable(described.authenticatorAttachment()))
        .transports(described.hasAuthenticatorTransports() ? described.authenticatorTransports() : List.of())
        .createdAt(described.createdAt())
        .build();
  }

  /**
   * JSON text of a document, as the browser's {@code parseCreationOptionsFromJSON} reads it:
   * written by the one JSON writer ({@link JsonWriter}), members in the document's order, numbers
   * as the service sent them.
   */
  static String json(Document document) {
    return JsonWriter.write(value(document));
  }

  /** The plain value of a document, in {@link JsonWriter}'s domain. */
  private static Object value(Document document) {
    if (document == null || document.isNull()) {
      return null;
    }
    if (document.isBoolean()) {
      return document.asBoolean();
    }
    if (document.isNumber()) {
      return new BigDecimal(document.asNumber().stringValue());
    }
    if (document.isString()) {
      return document.asString();
    }
    if (document.isList()) {
      List<Object> elements = new ArrayList<>();
      document.asList().forEach(element -> elements.add(value(element)));
      return elements;
    }
    Map<String, Object> members = new LinkedHashMap<>();
    document.asMap().forEach((name, member) -> members.put(name, value(member)));
    return members;
  }

  /** The SDK document of a parsed JSON value (maps, lists, strings, Long and BigDecimal numbers). */
  static Document document(Object value) {
    if (value == null) {
      return Document.fromNull();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Document> members = new LinkedHashMap<>();
      map.forEach((name, member) -> members.put((String) name, document(member)));
      return Document.fromMap(members);
    }
    if (value instanceof List<?> list) {
      List<Document> elements = new ArrayList<>();
      list.forEach(element -> elements.add(document(element)));
      return Document.fromList(elements);
    }
    if (value instanceof String text) {
      return Document.fromString(text);
    }
    if (value instanceof Boolean flag) {
      return Document.fromBoolean(flag);
    }
    if (value instanceof Long number) {
      return Document.fromNumber(number);
    }
    return Document.fromNumber((BigDecimal) value);
  }

  @Override
  public String toString() {
    return "CognitoPasskeys[" + app + "]";
  }
}
