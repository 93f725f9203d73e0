output "table_name" {
  description = "PROFILEKIT_TABLE"
  value       = aws_dynamodb_table.profiles.name
}

output "table_arn" {
  description = "ARN of the profile table."
  value       = aws_dynamodb_table.profiles.arn
}

output "user_pool_id" {
  description = "PROFILEKIT_USER_POOL_ID"
  value       = aws_cognito_user_pool.users.id
}

output "user_pool_arn" {
  description = "ARN of the user pool."
  value       = aws_cognito_user_pool.users.arn
}

output "client_id" {
  description = "PROFILEKIT_CLIENT_ID"
  value       = aws_cognito_user_pool_client.app.id
}

output "client_secret" {
  description = "PROFILEKIT_CLIENT_SECRET (empty when generate_client_secret is false). Store it in a secret manager."
  value       = aws_cognito_user_pool_client.app.client_secret
  sensitive   = true
}

output "hosted_ui_domain" {
  description = "PROFILEKIT_DOMAIN"
  value       = "https://${aws_cognito_user_pool_domain.hosted_ui.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
}

output "service_policy_arn" {
  description = "Attach to the service's role."
  value       = aws_iam_policy.service.arn
}

output "backfill_policy_arn" {
  description = "Attach to the role that runs sync-profiles."
  value       = aws_iam_policy.backfill.arn
}

output "operator_policy_arn" {
  description = "Attach to the role of the operators who link federated identities (AccountLinker)."
  value       = aws_iam_policy.operator.arn
}

data "aws_region" "current" {}
