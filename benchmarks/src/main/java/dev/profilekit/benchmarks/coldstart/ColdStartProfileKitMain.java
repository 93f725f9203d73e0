package dev.profilekit.benchmarks.coldstart;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.TokenUse;
import dev.profilekit.UserProfile;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.AwsUserProfileService;
import java.net.URI;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The program {@link ColdStart} launches for ProfileKit: from {@code main} to the first stored
 * profile read, everything an application does (build the clients the service needs, build the
 * service, read the profile). Prints {@code main-to-read-ns=<n>}; exits 2 if the profile read is
 * not the stored one.
 */
public final class ColdStartProfileKitMain {

  private ColdStartProfileKitMain() {}

  /**
   * Reads one stored profile.
   *
   * @param args DynamoDB endpoint, table, user id, Cognito endpoint
   */
  public static void main(String[] args) {
    long start = System.nanoTime();
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("profilekit-bench", "bench-secret"));
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
            .credentialsProvider(credentials).build();
        CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().endpointOverride(URI.create(args[3]))
            .region(Region.US_EAST_1).credentialsProvider(credentials).build();
        AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
            .dynamoDb(dynamoDb)
            .cognito(cognito)
            .userPoolId("us-east-1_ColdStart")
            .appClientId("coldstartclient")
            .tableName(args[1])
            .build()) {
      Instant now = Instant.now();
      VerifiedUser user = VerifiedUser.builder().userId(args[2]).username(args[2]).tokenUse(TokenUse.ID)
          .clientId("coldstartclient").issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_ColdStart")
          .issuedAt(now.minusSeconds(60)).expiresAt(now.plusSeconds(3600)).build();
      UserProfile profile = service.getProfile(user);
      long elapsed = System.nanoTime() - start;
      if (!profile.isStored()) {
        System.exit(2);
      }
      System.out.println("main-to-read-ns=" + elapsed);
    }
  }
}
