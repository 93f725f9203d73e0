# Least privilege: each policy names only the actions its role calls, on the table's and the
# user pool's ARNs (IamPolicyCoverageTest compares them with the calls in sdk-aws's code). Sign-up, sign-in, refresh and token revocation are public Cognito APIs
# authenticated by the app client, so they need no IAM permission at all.

data "aws_iam_policy_document" "service" {
  statement {
    sid = "ProfileItems"

    actions = [
      "dynamodb:GetItem",
      "dynamodb:UpdateItem",
      "dynamodb:PutItem",
      "dynamodb:DeleteItem",
      "dynamodb:Scan",
    ]
    resources = [aws_dynamodb_table.profiles.arn]
  }

  # admin(): reads, sign-out everywhere, deletion, user management and groups. The user's own
  # deleteAccount (DeleteUser) is authorised by the access token and needs nothing here.
  statement {
    sid = "CognitoAdminCalls"

    actions = [
      "cognito-idp:AdminGetUser",
      "cognito-idp:ListUsers",
      "cognito-idp:AdminUserGlobalSignOut",
      "cognito-idp:AdminDeleteUser",
      "cognito-idp:AdminCreateUser",
      "cognito-idp:AdminDisableUser",
      "cognito-idp:AdminEnableUser",
      "cognito-idp:AdminResetUserPassword",
      "cognito-idp:AdminSetUserMFAPreference",
      "cognito-idp:AdminListGroupsForUser",
      "cognito-idp:AdminAddUserToGroup",
      "cognito-idp:AdminRemoveUserFromGroup",
      "cognito-idp:CreateGroup",
    ]
    resources = [aws_cognito_user_pool.users.arn]
  }
}

# Linking a Google or Apple identity to an existing email user (AccountLinker) merges two
# accounts: an operator's action, not something a compromised service should be able to do.
data "aws_iam_policy_document" "operator" {
  statement {
    sid = "LinkFederatedIdentities"

    actions = [
      "cognito-idp:AdminGetUser",
      "cognito-idp:ListUsers",
      "cognito-idp:AdminLinkProviderForUser",
    ]
    resources = [aws_cognito_user_pool.users.arn]
  }
}

data "aws_iam_policy_document" "backfill" {
  statement {
    sid = "ListPoolUsers"

    actions = [
      "cognito-idp:ListUsers",
      "cognito-idp:DescribeUserPool",
    ]
    resources = [aws_cognito_user_pool.users.arn]
  }

  statement {
    sid = "CreateProfilesAndCheckpoints"

    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
    ]
    resources = [aws_dynamodb_table.profiles.arn]
  }
}

resource "aws_iam_policy" "service" {
  name        = "${var.name_prefix}-profilekit-service"
  description = "ProfileKit service: profile items in ${local.table_name}, admin reads of the user pool."
  policy      = data.aws_iam_policy_document.service.json
  tags        = var.tags
}

resource "aws_iam_policy" "backfill" {
  name        = "${var.name_prefix}-profilekit-backfill"
  description = "ProfileKit sync-profiles: list the user pool, create missing profiles in ${local.table_name}."
  policy      = data.aws_iam_policy_document.backfill.json
  tags        = var.tags
}

resource "aws_iam_policy" "operator" {
  name        = "${var.name_prefix}-profilekit-operator"
  description = "ProfileKit AccountLinker: link a federated identity to the email user with the same verified email."
  policy      = data.aws_iam_policy_document.operator.json
  tags        = var.tags
}

resource "aws_iam_role_policy_attachment" "service" {
  count = var.service_role_name != null ? 1 : 0

  role       = var.service_role_name
  policy_arn = aws_iam_policy.service.arn
}

resource "aws_iam_role_policy_attachment" "backfill" {
  count = var.backfill_role_name != null ? 1 : 0

  role       = var.backfill_role_name
  policy_arn = aws_iam_policy.backfill.arn
}

resource "aws_iam_role_policy_attachment" "operator" {
  count = var.operator_role_name != null ? 1 : 0

  role       = var.operator_role_name
  policy_arn = aws_iam_policy.operator.arn
}
