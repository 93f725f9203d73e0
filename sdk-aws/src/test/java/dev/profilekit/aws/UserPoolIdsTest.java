package dev.profilekit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserPoolIdsTest {

  @Test
  void aRealPoolIdStartsWithItsRegion() {
    assertThat(UserPoolIds.region("eu-west-1_AbCdEf123")).contains("eu-west-1");
    assertThat(UserPoolIds.region("us-gov-west-1_AbCdEf123")).contains("us-gov-west-1");
    assertThat(UserPoolIds.region("ap-southeast-2_x")).contains("ap-southeast-2");
  }

  @Test
  void idsWithoutARegionNameNone() {
    assertThat(UserPoolIds.region("local_abc")).isEmpty();
    assertThat(UserPoolIds.region("eu-west-1_")).isEmpty();
    assertThat(UserPoolIds.region("eu-west-1AbCdEf123")).isEmpty();
    assertThat(UserPoolIds.region("EU-WEST-1_AbCdEf123")).isEmpty();
    assertThat(UserPoolIds.region("_AbCdEf123")).isEmpty();
    assertThat(UserPoolIds.region("")).isEmpty();
    assertThat(UserPoolIds.region(null)).isEmpty();
  }

  @Test
  void theIssuerIsCognitosUrlOfThePool() {
    assertThat(UserPoolIds.issuer("eu-west-1", "eu-west-1_AbCdEf123"))
        .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
  }
}
