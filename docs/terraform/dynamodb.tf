# The profile table: one item per user, partition key userId (the Cognito sub).
# Mirrors dev.profilekit.aws.setup.ProfileTableSetup.
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

  server_side_encryption {
    enabled = true
  }

  deletion_protection_enabled = var.deletion_protection

  tags = var.tags
}
