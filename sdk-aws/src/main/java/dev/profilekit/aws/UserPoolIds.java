package dev.profilekit.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Cognito user pool id tells: a real pool's id starts with its region ({@code
 * eu-west-1_AbCdEf123}), and its tokens' issuer is {@code
 * https://cognito-idp.<region>.amazonaws.com/<pool id>}. The one place this rule lives: {@link
 * AwsUserProfileService}'s default issuer and the Spring Boot starter's region and issuer both read
 * it here. Emulator pool ids ({@code local_abc}) carry no region; their callers set the issuer.
 */
public final class UserPoolIds {

  /** An AWS region name (eu-west-1, us-gov-west-1, ap-southeast-2), then '_' and the pool's own part. */
  private static final Pattern POOL_ID = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d{1,2})_(.+)");

  private UserPoolIds() {}

  /**
   * The region a user pool id starts with.
   *
   * @param userPoolId the pool id, such as {@code eu-west-1_AbCdEf123}
   * @return the region ({@code eu-west-1}), or empty when the id names none (null, blank, or an
   *     emulator's {@code local_abc})
   */
  public static Optional<String> region(String userPoolId) {
    if (userPoolId == null) {
      return Optional.empty();
    }
    Matcher matcher = POOL_ID.matcher(userPoolId);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * The issuer of a pool's tokens on AWS.
   *
   * @param region the pool's region
   * @param userPoolId the pool id
   * @return {@code https://cognito-idp.<region>.amazonaws.com/<userPoolId>}
   */
  public static String issuer(String region, String userPoolId) {
    return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
  }
}
