package dev.profilekit.examples;

import dev.profilekit.IdentityProvider;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS backend: {@link AwsUserProfileService} on a real user pool and table, configured from
 * environment variables, with credentials from the AWS SDK's default chain.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code PROFILEKIT_REGION}</td><td>the region, e.g. {@code eu-west-1}</td></tr>
 *   <tr><td>{@code PROFILEKIT_USER_POOL_ID}</td><td>the user pool id</td></tr>
 *   <tr><td>{@code PROFILEKIT_CLIENT_ID}</td><td>the app client id (USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH allowed)</td></tr>
 *   <tr><td>{@code PROFILEKIT_CLIENT_SECRET}</td><td>the app client secret, only if the client has one</td></tr>
 *   <tr><td>{@code PROFILEKIT_TABLE}</td><td>the profile table (partition key {@code userId})</td></tr>
 *   <tr><td>{@code PROFILEKIT_DOMAIN}</td><td>the user pool domain of the hosted UI, e.g. {@code https://myapp.auth.eu-west-1.amazoncognito.com}</td></tr>
 *   <tr><td>{@code PROFILEKIT_DEMO_EMAIL}</td><td>demo only: a mailbox you read; the emailed code is typed in</td></tr>
 * </table>
 *
 * <p>Documented and runnable, but not run by the tests (they have no AWS account).
 */
public final class AwsExampleEnvironment implements ExampleEnvironment {

  private final Map<String, String> variables;
  private final PrintStream prompt;
  private final CognitoIdentityProviderClient cognito;
  private final DynamoDbClient dynamoDb;
  private final AwsUserProfileService service;

  private AwsExampleEnvironment(Map<String, String> variables, PrintStream prompt) {
    this.variables = variables;
    this.prompt = prompt;
    Region region = Region.of(required("PROFILEKIT_REGION"));
    String userPoolId = required("PROFILEKIT_USER_POOL_ID");
    String clientId = required("PROFILEKIT_CLIENT_ID");
    String table = required("PROFILEKIT_TABLE");
    URI domain = URI.create(required("PROFILEKIT_DOMAIN"));
    this.cognito = CognitoIdentityProviderClient.builder().region(region).build();
    this.dynamoDb = DynamoDbClient.builder().region(region).build();
    AwsUserProfileService.Builder builder = AwsUserProfileService.builder()
        .cognito(cognito)
        .dynamoDb(dynamoDb)
        .userPoolId(userPoolId)
        .appClientId(clientId)
        .tableName(table)
        .hostedUiDomain(domain);
    String secret = variables.get("PROFILEKIT_CLIENT_SECRET");
    if (secret != null && !secret.isBlank()) {
      builder.appClientSecret(secret);
    }
    this.service = builder.build();
  }

  /**
   * Configures the backend from environment variables (see the class documentation).
   *
   * @param variables the environment, usually {@code System.getenv()}
   * @param prompt where to ask for the emailed confirmation code
   * @return the environment
   * @throws IllegalStateException naming the first missing variable
   */
  public static AwsExampleEnvironment fromEnvironment(Map<String, String> variables, PrintStream prompt) {
    return new AwsExampleEnvironment(Objects.requireNonNull(variables, "variables"), Objects.requireNonNull(prompt, "prompt"));
  }

  private String required(String name) {
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("--aws needs the environment variable " + name + " (see README.md, section Examples)");
    }
    return value.trim();
  }

  @Override
  public Backend backend() {
    return Backend.AWS;
  }

  @Override
  public UserProfileService service() {
    return service;
  }

  @Override
  public String demoEmail() {
    return required("PROFILEKIT_DEMO_EMAIL");
  }

  /** Asks the developer to type the code Cognito emailed; a console hides what is typed. */
  @Override
  public String confirmationCode(String email) {
    String question = "Enter the confirmation code Cognito sent to " + email + ": ";
    Console console = System.console();
    if (console != null) {
      char[] code = console.readPassword("%s", question);
      return code == null ? "" : new String(code).trim();
    }
    prompt.print(question);
    prompt.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
      return line == null ? "" : line.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the confirmation code", e);
    }
  }

  @Override
  public FederatedUser federatedUser(IdentityProvider provider) {
    return FederatedUser.unavailable(provider, "on AWS a " + provider.name() + " user signs in through the hosted UI in a browser"
        + " (federatedSignIn / completeFederatedSignIn, see docs/federated-sign-in.md)");
  }

  @Override
  public void close() {
    service.close();
    cognito.close();
    dynamoDb.close();
  }
}
