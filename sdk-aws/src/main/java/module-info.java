/**
 * ProfileKit on Amazon Cognito and DynamoDB. The {@code internal} packages (the Cognito calls, the
 * profile table's store and codec, token parsing, the backfill's workers) are not exported
 * (docs/decisions.md): a consumer module cannot compile against them.
 */
module dev.profilekit.aws {
  requires transitive dev.profilekit.api;
  requires transitive software.amazon.awssdk.services.cognitoidentityprovider;
  requires transitive software.amazon.awssdk.services.dynamodb;
  requires transitive software.amazon.awssdk.core;
  requires transitive software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.regions;
  requires com.nimbusds.jose.jwt;
  requires java.net.http;
  requires static org.immutables.value;

  exports dev.profilekit.aws;
  exports dev.profilekit.aws.backfill;
  exports dev.profilekit.aws.cognito;
  exports dev.profilekit.aws.federated;
  exports dev.profilekit.aws.jwt;
  exports dev.profilekit.aws.reconcile;
  exports dev.profilekit.aws.setup;
}
