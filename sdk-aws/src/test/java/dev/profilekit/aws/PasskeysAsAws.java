package dev.profilekit.aws;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.AwsAnswers.Reply;
import dev.profilekit.internal.PasskeyCeremonies;
import dev.profilekit.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompleteWebAuthnRegistrationRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeleteWebAuthnCredentialRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StartWebAuthnRegistrationRequest;

/**
 * Stands in, with {@link AwsAnswers}, for AWS's passkeys, which cognito-local lacks entirely
 * ({@code StartWebAuthnRegistration}, {@code CompleteWebAuthnRegistration}, {@code
 * ListWebAuthnCredentials} and {@code DeleteWebAuthnCredential} are HTTP 500 there, and {@code
 * USER_AUTH} too; {@code PasskeyGapsIT} shows it). What AWS does, from the four API references:
 *
 * <ul>
 *   <li>Each call is authorised by the access token (cognito-local's {@code GetUser} with it says
 *       whose it is; a token it refuses is {@code NotAuthorizedException}).
 *   <li>{@code StartWebAuthnRegistration}: {@code CredentialCreationOptions}, a JSON document
 *       with a new challenge for the user pool's relying party; a new start replaces the pending
 *       one.
 *   <li>{@code CompleteWebAuthnRegistration} with the browser's {@code Credential} document:
 *       verified by {@link PasskeyCeremonies}, the rule the in-memory service follows; refusals as
 *       the reference names them ({@code WebAuthnChallengeNotFoundException}, {@code
 *       WebAuthnRelyingPartyMismatchException}, {@code WebAuthnOriginNotAllowedException}, {@code
 *       WebAuthnCredentialNotSupportedException}; a credential that is not one, {@code
 *       InvalidParameterException}).
 *   <li>{@code ListWebAuthnCredentials}: the user's passkeys, oldest first, in pages of at most
 *       {@code MaxResults} (AWS: 1 to 20) and this stand-in's own smaller page, with {@code
 *       NextToken} while more remain, so that ProfileKit's paging is exercised with a few.
 *   <li>{@code DeleteWebAuthnCredential}: an id the user does not have is {@code
 *       ResourceNotFoundException}.
 * </ul>
 *
 * <p>The {@code WEB_AUTHN} sign-in challenge belongs to {@link UserAuthAsAws}'s {@code
 * USER_AUTH}, which asks this stand-in whether a user has a passkey, for the request options of a
 * challenge, and to check the assertion ({@link #verify}).
 */
final class PasskeysAsAws {

  private static final SecureRandom RANDOM = new SecureRandom();

  private record Stored(PasskeyCeremonies.Registered registered, Instant createdAt, long signCount) {}

  private record User(String sub, String username) {}

  private final CognitoIdentityProviderClient direct;
  /** Who answers GetUser for an access token: cognito-local, or a client with AWS's token checks. */
  private volatile CognitoIdentityProviderClient users;
  private final String rpId;
  private final int pageSize;
  private final Map<String, PasskeyCeremonies.PendingChallenge> pendingRegistrations = new ConcurrentHashMap<>();
  /** When registrations start and complete; tests move it to expire a challenge. */
  private final TestClock clock = TestClock.startingNow();
  private final Map<String, LinkedHashMap<String, Stored>> passkeys = new ConcurrentHashMap<>();

  /**
   * Creates the stand-in.
   *
   * @param direct a client of the same cognito-local without stand-ins
   * @param rpId the user pool's relying party id (AWS's default: the user pool domain)
   * @param pageSize the most credentials one page lists, at most 20
   */
  PasskeysAsAws(CognitoIdentityProviderClient direct, String rpId, int pageSize) {
    this.direct = direct;
    this.users = direct;
    this.rpId = rpId;
    this.pageSize = pageSize;
  }

  /**
   * Adds AWS's answers to the given interceptor.
   *
   * @param aws the interceptor the Cognito client uses
   * @return {@code aws}
   */
  AwsAnswers addTo(AwsAnswers aws) {
    return aws
        .replyWith("StartWebAuthnRegistration", request -> Optional.of(start((StartWebAuthnRegistrationRequest) request)))
        .replyWith("CompleteWebAuthnRegistration", request -> Optional.of(complete((CompleteWebAuthnRegistrationRequest) request)))
        .replyWith("ListWebAuthnCredentials", request -> Optional.of(list((ListWebAuthnCredentialsRequest) request)))
        .replyWith("DeleteWebAuthnCredential", request -> Optional.of(delete((DeleteWebAuthnCredentialRequest) request)));
  }

  /**
   * Looks access tokens up through the given client from now on (cognito-local's {@code GetUser}
   * checks no revocation; a client with {@link GlobalSignOutAsAws} refuses a signed-out user's
   * token, as AWS does for every call authorised by it).
   *
   * @param client the client; its own calls to these operations must not come back here
   * @return this stand-in
   */
  PasskeysAsAws lookUpUsersThrough(CognitoIdentityProviderClient client) {
    this.users = client;
    return this;
  }

  /**
   * The clock registration challenges expire by.
   *
   * @return the clock, moved by tests
   */
  TestClock clock() {
    return clock;
  }

  /** Whether the user has a passkey, so that {@code USER_AUTH} offers {@code WEB_AUTHN}. */
  boolean has(String sub) {
    return !own(sub).isEmpty();
  }

  /** The request options of a sign-in challenge for the user, JSON. */
  String requestOptions(String sub, String challenge) {
    synchronized (own(sub)) {
      return PasskeyCeremonies.requestOptions(rpId, challenge, List.copyOf(own(sub).keySet()));
    }
  }

  /** A new sign-in challenge. */
  static String newChallenge() {
    return PasskeyCeremonies.newChallenge(RANDOM);
  }

  /** Checks an assertion as AWS does at {@code RespondToAuthChallenge}: true when it signs the user in. */
  boolean verify(String sub, String challenge, String credentialJson) {
    LinkedHashMap<String, Stored> own = own(sub);
    synchronized (own) {
      try {
        String id = PasskeyCeremonies.credentialId(credentialJson);
        Stored stored = own.get(id);
        if (stored == null) {
          return false;
        }
        long count = PasskeyCeremonies.verifyAssertion(credentialJson, challenge, rpId, stored.registered().publicKey(),
            stored.signCount());
        own.put(id, new Stored(stored.registered(), stored.createdAt(), count));
        return true;
      } catch (PasskeyRejectedException | InvalidRequestException refused) {
        return false;
      }
    }
  }

  private Reply start(StartWebAuthnRegistrationRequest request) {
    Optional<User> user = user(request.accessToken());
    if (user.isEmpty()) {
      return invalidToken();
    }
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    pendingRegistrations.put(user.get().sub(), new PasskeyCeremonies.PendingChallenge(challenge, clock.instant()));
    String options;
    synchronized (own(user.get().sub())) {
      options = PasskeyCeremonies.creationOptions(rpId, rpId, user.get().sub().getBytes(StandardCharsets.UTF_8),
          user.get().username(), challenge, List.copyOf(own(user.get().sub()).keySet()));
    }
    return Reply.ok("{\"CredentialCreationOptions\":" + options + "}");
  }

  private Reply complete(CompleteWebAuthnRegistrationRequest request) {
    Optional<User> user = user(request.accessToken());
    if (user.isEmpty()) {
      return invalidToken();
    }
    String sub = user.get().sub();
    PasskeyCeremonies.Registered registered;
    try {
      registered = PasskeyCeremonies.verifyRegistration(json(request.credential()), pendingRegistrations.get(sub),
          clock.instant(), rpId);
    } catch (PasskeyRejectedException refused) {
      return Reply.error(errorCode(refused.reason()), "The passkey credential was not accepted.");
    } catch (InvalidRequestException malformed) {
      return Reply.error("InvalidParameterException", "Invalid Credential.");
    }
    pendingRegistrations.remove(sub);
    LinkedHashMap<String, Stored> own = own(sub);
    synchronized (own) {
      own.put(registered.credentialId(), new Stored(registered, clock.instant(), registered.signCount()));
    }
    return Reply.ok("{}");
  }

  private Reply list(ListWebAuthnCredentialsRequest request) {
    Optional<User> user = user(request.accessToken());
    if (user.isEmpty()) {
      return invalidToken();
    }
    List<Stored> all;
    LinkedHashMap<String, Stored> own = own(user.get().sub());
    synchronized (own) {
      all = new ArrayList<>(own.values());
    }
    int from = 0;
    if (request.nextToken() != null) {
      try {
        from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(request.nextToken()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notOurs) {
        return Reply.error("InvalidParameterException", "Invalid NextToken.");
      }
    }
    int size = Math.min(pageSize, request.maxResults() == null ? 20 : request.maxResults());
    int to = Math.min(all.size(), from + size);
    StringJoiner credentials = new StringJoiner(",", "[", "]");
    for (Stored stored : all.subList(Math.min(from, to), to)) {
      PasskeyCeremonies.Registered registered = stored.registered();
      StringJoiner transports = new StringJoiner(",", "[", "]");
      registered.transports().forEach(transport -> transports.add(quote(transport)));
      credentials.add("{\"CredentialId\":" + quote(registered.credentialId())
          + ",\"FriendlyCredentialName\":" + quote(PasskeyCeremonies.friendlyName(registered))
          + ",\"RelyingPartyId\":" + quote(rpId)
          + registered.attachment().map(attachment -> ",\"AuthenticatorAttachment\":" + quote(attachment)).orElse("")
          + ",\"AuthenticatorTransports\":" + transports
          + ",\"CreatedAt\":" + stored.createdAt().getEpochSecond() + "}");
    }
    String next = to < all.size()
        ? ",\"NextToken\":" + quote(Base64.getUrlEncoder().withoutPadding().encodeToString(
            Integer.toString(to).getBytes(StandardCharsets.UTF_8)))
        : "";
    return Reply.ok("{\"Credentials\":" + credentials + next + "}");
  }

  private Reply delete(DeleteWebAuthnCredentialRequest request) {
    Optional<User> user = user(request.accessToken());
    if (user.isEmpty()) {
      return invalidToken();
    }
    LinkedHashMap<String, Stored> own = own(user.get().sub());
    synchronized (own) {
      if (request.credentialId() == null || own.remove(request.credentialId()) == null) {
        return Reply.error("ResourceNotFoundException", "Credential not found.");
      }
    }
    return Reply.ok("{}");
  }

  private static String errorCode(PasskeyRejectedException.Reason reason) {
    switch (reason) {
      case CHALLENGE:
        return "WebAuthnChallengeNotFoundException";
      case RELYING_PARTY:
        return "WebAuthnRelyingPartyMismatchException";
      case ORIGIN:
        return "WebAuthnOriginNotAllowedException";
      case UNSUPPORTED:
        return "WebAuthnCredentialNotSupportedException";
      default:
        return "InvalidParameterException";
    }
  }

  private LinkedHashMap<String, Stored> own(String sub) {
    return passkeys.computeIfAbsent(sub, key -> new LinkedHashMap<>());
  }

  private Optional<User> user(String accessToken) {
    if (accessToken == null || accessToken.isEmpty()) {
      return Optional.empty();
    }
    try {
      GetUserResponse user = users.getUser(b -> b.accessToken(accessToken));
      String sub = user.userAttributes().stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst()
          .orElse(user.username());
      String email = user.userAttributes().stream().filter(a -> "email".equals(a.name())).map(AttributeType::value).findFirst()
          .orElse(user.username());
      return Optional.of(new User(sub, email));
    } catch (AwsServiceException refused) {
      return Optional.empty();
    }
  }

  private static Reply invalidToken() {
    return Reply.error("NotAuthorizedException", "Invalid Access Token");
  }

  /** The JSON text of the SDK document the service sent, written here rather than by the code under test. */
  private static String json(Document document) {
    if (document == null || document.isNull()) {
      return "null";
    }
    if (document.isBoolean()) {
      return Boolean.toString(document.asBoolean());
    }
    if (document.isNumber()) {
      return document.asNumber().toString();
    }
    if (document.isString()) {
      return quote(document.asString());
    }
    if (document.isList()) {
      StringJoiner list = new StringJoiner(",", "[", "]");
      document.asList().forEach(element -> list.add(json(element)));
      return list.toString();
    }
    StringJoiner map = new StringJoiner(",", "{", "}");
    document.asMap().forEach((name, member) -> map.add(quote(name) + ":" + json(member)));
    return map.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
