# The profile table: one item per user, partition key userId (the Cognito sub).
# Mirrors dev.profilekit.aws.setup.ProfileTableSetup. Data is encrypted at rest with an
# AWS-owned key (DynamoDB's default, no KMS charges); add a server_side_encryption block
# with kms_key_arn to use a customer-managed key instead.
resource "aws_dynamodb_table" "profiles" {
  name         = local.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "userId"

  attribute {
    name = "userId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  # Removes expired tombstones and items that hold only revoked sessions (lazily: AWS says
  # typically within two days; ProfileKit never relies on it). The same as ProfileTableSetup.
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  deletion_protection_enabled = var.deletion_protection

  tags = var.tags
}
