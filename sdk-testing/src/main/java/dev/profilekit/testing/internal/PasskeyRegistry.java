package dev.profilekit.testing.internal;

import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.Passkey;
import dev.profilekit.PasskeyNotFoundException;
import dev.profilekit.PasskeyRejectedException;
import dev.profilekit.internal.PasskeyCeremonies;
import dev.profilekit.internal.RequestChecks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory user pool's passkeys, as Cognito keeps them: a registration's challenge
 * ({@code StartWebAuthnRegistration}, one pending per user, a new start replaces it), the
 * verified credentials ({@code CompleteWebAuthnRegistration}, within the challenge's lifetime),
 * listed oldest first and deleted by id; and, for {@link MfaDirectory}'s {@code WEB_AUTHN} challenge, the request options and the
 * check of the assertion. Every verification is {@link PasskeyCeremonies}', the rule the AWS
 * implementation's stand-in for Cognito follows too.
 *
 * <p>The relying party is the hosted UI domain's host, as Cognito's default relying party id is
 * the user pool domain.
 */
public final class PasskeyRegistry implements MfaDirectory.PasskeyChallenges {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A registered passkey and the counter last seen. */
  private record Stored(PasskeyCeremonies.Registered registered, Instant createdAt, long signCount) {
    Stored withSignCount(long count) {
      return new Stored(registered, createdAt, count);
    }
  }

  private final Map<String, PasskeyCeremonies.PendingChallenge> pendingRegistrations = new HashMap<>();
  private final Map<String, LinkedHashMap<String, Stored>> passkeys = new HashMap<>();
  private final Clock clock;
  private final String rpId;
  private final String rpName;

  /**
   * Creates an empty registry.
   *
   * @param clock the clock registrations are dated by
   * @param rpId the relying party id
   * @param rpName the relying party's name, shown by the browser
   */
  public PasskeyRegistry(Clock clock, String rpId, String rpName) {
    this.clock = clock;
    this.rpId = rpId;
    this.rpName = rpName;
  }

  /**
   * Returns the relying party id.
   *
   * @return the id
   */
  public String rpId() {
    return rpId;
  }

  /**
   * Starts a registration: a new challenge replaces a pending one.
   *
   * @param userId the user
   * @param userName the user's name (their email)
   * @return the creation options, JSON
   */
  public synchronized String startRegistration(String userId, String userName) {
    String challenge = PasskeyCeremonies.newChallenge(RANDOM);
    pendingRegistrations.put(userId, new PasskeyCeremonies.PendingChallenge(challenge, clock.instant()));
    return PasskeyCeremonies.creationOptions(rpId, rpName, userId.getBytes(StandardCharsets.UTF_8), userName, challenge,
        passkeys.getOrDefault(userId, new LinkedHashMap<>()).keySet());
  }

  /**
   * Completes the pending registration with the browser's credential.
   *
   * @param userId the user
   * @param credentialJson the credential
   * @throws PasskeyRejectedException if it does not verify (the pending challenge stays) or its
   *     challenge has expired ({@code CHALLENGE})
   */
  public synchronized void completeRegistration(String userId, String credentialJson) {
    PasskeyCeremonies.Registered registered = PasskeyCeremonies.verifyRegistration(credentialJson,
        pendingRegistrations.get(userId), clock.instant(), rpId);
    pendingRegistrations.remove(userId);
    passkeys.computeIfAbsent(userId, id -> new LinkedHashMap<>())
        .put(registered.credentialId(), new Stored(registered, clock.instant(), registered.signCount()));
  }

  /**
   * Lists a user's passkeys, oldest first.
   *
   * @param userId the user
   * @return the passkeys
   */
  public synchronized List<Passkey> list(String userId) {
    List<Passkey> listed = new ArrayList<>();
    for (Stored stored : passkeys.getOrDefault(userId, new LinkedHashMap<>()).values()) {
      PasskeyCeremonies.Registered registered = stored.registered();
      listed.add(Passkey.builder()
          .credentialId(registered.credentialId())
          .friendlyName(PasskeyCeremonies.friendlyName(registered))
          .relyingPartyId(rpId)
          .authenticatorAttachment(registered.attachment())
          .transports(registered.transports())
          .createdAt(stored.createdAt())
          .build());
    }
    return listed;
  }

  /**
   * Deletes a passkey.
   *
   * @param userId the user
   * @param credentialId the passkey's id
   * @throws PasskeyNotFoundException if the user has none with that id
   */
  public synchronized void delete(String userId, String credentialId) {
    String id = RequestChecks.requiredText(credentialId, "credentialId");
    Map<String, Stored> own = passkeys.get(userId);
    if (own == null || own.remove(id) == null) {
      throw new PasskeyNotFoundException("The user has no passkey with this credential id");
    }
  }

  /**
   * Tells whether a user has a passkey, so that {@code WEB_AUTHN} is offered.
   *
   * @param userId the user
   * @return true with one or more
   */
  public synchronized boolean has(String userId) {
    return !passkeys.getOrDefault(userId, new LinkedHashMap<>()).isEmpty();
  }

  @Override
  public synchronized String requestOptions(String userId, String challenge) {
    return PasskeyCeremonies.requestOptions(rpId, challenge, passkeys.getOrDefault(userId, new LinkedHashMap<>()).keySet());
  }

  @Override
  public synchronized void verify(String userId, String challenge, String credentialJson) {
    String id = PasskeyCeremonies.credentialId(credentialJson);
    Map<String, Stored> own = passkeys.get(userId);
    Stored stored = own == null ? null : own.get(id);
    if (stored == null) {
      throw new InvalidCredentialsException("The passkey is not one of the user's");
    }
    long signCount;
    try {
      signCount = PasskeyCeremonies.verifyAssertion(credentialJson, challenge, rpId, stored.registered().publicKey(),
          stored.signCount());
    } catch (PasskeyRejectedException refused) {
      // As Cognito answers a refused assertion: NotAuthorizedException, the wrong-password exception.
      throw new InvalidCredentialsException("The passkey was not accepted (" + refused.reason() + ")");
    }
    own.put(id, stored.withSignCount(signCount));
  }

  /**
   * Forgets a deleted user's passkeys.
   *
   * @param userId the user
   */
  public synchronized void forget(String userId) {
    pendingRegistrations.remove(userId);
    passkeys.remove(userId);
  }

  @Override
  public synchronized String toString() {
    return "PasskeyRegistry[" + rpId + ", " + passkeys.values().stream().mapToInt(Map::size).sum() + " passkeys]";
  }
}
