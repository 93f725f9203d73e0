package dev.profilekit.aws;

import dev.profilekit.AttributeMapper;
import dev.profilekit.ProfileNotFoundException;
import dev.profilekit.ProfileSource;
import dev.profilekit.TokenUse;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.cognito.internal.CognitoAuth;
import dev.profilekit.aws.cognito.internal.CognitoUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the profile of a user who has no stored one, with as few remote calls as the caller's
 * identity allows: none from an ID token's claims, else one Cognito lookup.
 */
final class ProfileFallback {

  private final AttributeMapper mapper;
  private final CognitoAuth cognito;

  ProfileFallback(AttributeMapper mapper, CognitoAuth cognito) {
    this.mapper = mapper;
    this.cognito = cognito;
  }

  /** The fallback of a verified user: from the ID token's claims, else from Cognito. */
  UserProfile of(VerifiedUser user) {
    if (user.tokenUse() == TokenUse.ID) {
      Map<String, String> attributes = new HashMap<>(user.attributes());
      user.email().ifPresent(email -> attributes.putIfAbsent("email", email));
      // email_verified is a boolean claim, so it may be missing from the string attributes.
      attributes.put("email_verified", Boolean.toString(user.emailVerified()));
      return mapper.toFallbackProfile(user.userId(), attributes, user.linkedIdentities(), Optional.empty());
    }
    Optional<CognitoUser> found = lookUp(user.userId(), Optional.of(user.username()));
    if (found.isEmpty()) {
      // The token is valid but the pool no longer knows the user: what the token says is all there is.
      return UserProfile.builder()
          .userId(user.userId())
          .email(user.email())
          .emailVerified(user.emailVerified())
          .linkedIdentities(user.linkedIdentities())
          .source(ProfileSource.FALLBACK)
          .build();
    }
    return toProfile(found.get());
  }

  /** The fallback of a user known only by id (admin view). */
  UserProfile of(String userId) {
    return lookUp(userId, Optional.empty()).map(this::toProfile).orElseThrow(() -> new ProfileNotFoundException(userId));
  }

  private UserProfile toProfile(CognitoUser user) {
    return mapper.toFallbackProfile(user.userId(), user.attributes(), user.linkedIdentities(), user.createdAt());
  }

  /**
   * AdminGetUser by username when it is known (1 call), else ListUsers filtered by sub (1 call);
   * a username lookup that finds another user's sub falls back to the filter.
   */
  private Optional<CognitoUser> lookUp(String userId, Optional<String> username) {
    if (username.isPresent()) {
      try {
        Optional<CognitoUser> byName = cognito.adminGetUser(username.get());
        if (byName.isPresent() && byName.get().userId().equals(userId)) {
          return byName;
        }
      } catch (UserNotFoundException e) {
        // Fall through to the search by sub.
      }
    }
    return cognito.findUserBySub(userId);
  }
}
