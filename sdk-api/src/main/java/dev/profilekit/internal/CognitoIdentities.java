package dev.profilekit.internal;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one parser of Cognito's {@code identities}: the user attribute and the ID-token claim that
 * list a federated user's provider accounts, each {@code {"userId", "providerName",
 * "providerType", "primary", "dateCreated"}}.
 *
 * <p>The claim comes as a JSON array or (in some Cognito versions) as a string holding one; the
 * attribute is always a string. An entry without a usable {@code providerName} (1 to 128
 * characters) or {@code userId} is left out; {@code dateCreated} is epoch milliseconds as a number
 * or a string of digits; the provider that signed the user in is the entry marked {@code primary}
 * ({@code "true"} or {@code true}), else the first.
 */
public final class CognitoIdentities {

  /**
   * What an {@code identities} value holds.
   *
   * @param identities the linked identities, in order
   * @param primary the provider marked primary, else the first one's; empty when there are none
   */
  public record Parsed(List<LinkedIdentity> identities, Optional<IdentityProvider> primary) {
    /** Copies the list. */
    public Parsed {
      identities = List.copyOf(identities);
    }
  }

  private static final int MAX_PROVIDER_NAME = 128;
  private static final int MAX_MILLIS_DIGITS = 18;

  private CognitoIdentities() {}

  /**
   * Parses the user attribute. Malformed JSON yields nothing rather than failing, because a
   * profile must stay readable whatever the pool holds.
   *
   * @param json the attribute value, may be null
   * @return the linked identities, possibly empty
   */
  public static List<LinkedIdentity> fromAttribute(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return entries(JsonText.parse(json), false).identities();
    } catch (IllegalArgumentException malformed) {
      return List.of();
    }
  }

  /**
   * Parses the ID-token claim, strictly: a signed token whose claim is not an array of objects is
   * malformed.
   *
   * @param claim the claim as parsed from the token (a list, or a string holding a JSON array), may
   *     be null
   * @return the identities and the primary provider
   * @throws TokenRejectedException with {@link Reason#MALFORMED} if the claim is not an array of
   *     objects
   */
  public static Parsed fromClaim(Object claim) {
    if (claim == null) {
      return new Parsed(List.of(), Optional.empty());
    }
    Object value = claim;
    if (claim instanceof String text) {
      try {
        value = JsonText.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TokenRejectedException(Reason.MALFORMED, "The token's identities claim is not a JSON array");
      }
    }
    try {
      return entries(value, true);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(Reason.MALFORMED, "The token's identities claim " + e.getMessage());
    }
  }

  private static Parsed entries(Object value, boolean strict) {
    if (!(value instanceof List<?> entries)) {
      throw new IllegalArgumentException("is not a JSON array");
    }
    List<LinkedIdentity> identities = new ArrayList<>();
    IdentityProvider first = null;
    IdentityProvider primary = null;
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        if (strict) {
          throw new IllegalArgumentException("holds a non-object");
        }
        continue;
      }
      Object name = map.get("providerName");
      Object userId = map.get("userId");
      if (!(name instanceof String providerName) || !(userId instanceof String providerUserId)
          || providerName.isBlank() || providerName.length() > MAX_PROVIDER_NAME || providerUserId.isEmpty()) {
        continue;
      }
      Object type = map.get("providerType");
      IdentityProvider provider = IdentityProvider.fromCognitoName(providerName, type instanceof String t ? t : null);
      LinkedIdentity.Builder identity = LinkedIdentity.builder().provider(provider).providerUserId(providerUserId);
      millis(map.get("dateCreated")).ifPresent(identity::linkedAt);
      identities.add(identity.build());
      if (first == null) {
        first = provider;
      }
      if (primary == null && "true".equals(String.valueOf(map.get("primary")))) {
        primary = provider;
      }
    }
    return new Parsed(identities, Optional.ofNullable(primary != null ? primary : first));
  }

  /** Epoch milliseconds as a JSON integer or a string of digits; anything else is left out. */
  private static Optional<Instant> millis(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return Optional.of(Instant.ofEpochMilli(((Number) value).longValue()));
    }
    if (value instanceof String text && !text.isEmpty() && text.length() <= MAX_MILLIS_DIGITS
        && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
    }
    return Optional.empty();
  }
}
