locals {
  table_name = coalesce(var.table_name, "${var.name_prefix}-profiles")

  google_enabled = var.google_client_id != null
  apple_enabled  = var.apple_services_id != null

  identity_providers = concat(
    ["COGNITO"],
    local.google_enabled ? ["Google"] : [],
    local.apple_enabled ? ["SignInWithApple"] : [],
  )
}

resource "aws_cognito_user_pool" "users" {
  name = "${var.name_prefix}-users"

  # Users sign in with their email; the Cognito username is then the sub.
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]

  # An email change (requestEmailChange) keeps the original, verified email active for sign-in
  # and reset codes until the user enters the code sent to the new one (confirmEmailChange).
  # Without it Cognito switches the email at once, unverified, and the old address stops working.
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  username_configuration {
    case_sensitive = false
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 7
  }

  # Authenticator apps (startTotpEnrolment, then SignInStep.TotpCode at sign-in; the demo enrols
  # one): MFA is required only of users who turned a method on, and software tokens are allowed.
  # With MFA OFF, Cognito never asks for a code.
  mfa_configuration = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  deletion_protection = var.deletion_protection ? "ACTIVE" : "INACTIVE"

  tags = var.tags
}

resource "aws_cognito_user_pool_domain" "hosted_ui" {
  domain       = var.hosted_ui_domain_prefix
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_cognito_identity_provider" "google" {
  count = local.google_enabled ? 1 : 0

  user_pool_id  = aws_cognito_user_pool.users.id
  provider_name = "Google"
  provider_type = "Google"

  provider_details = {
    client_id        = var.google_client_id
    client_secret    = var.google_client_secret
    authorize_scopes = "openid email profile"
  }

  # Google sends name and picture on every sign-in.
  attribute_mapping = {
    username       = "sub"
    email          = "email"
    email_verified = "email_verified"
    name           = "name"
    given_name     = "given_name"
    family_name    = "family_name"
    picture        = "picture"
  }

  lifecycle {
    # Cognito adds these keys to a Google provider's details itself; without this every plan
    # would show a change (and try to remove them).
    ignore_changes = [
      provider_details["attributes_url"],
      provider_details["attributes_url_add_attributes"],
      provider_details["authorize_url"],
      provider_details["oidc_issuer"],
      provider_details["token_request_method"],
      provider_details["token_url"],
    ]
  }
}

resource "aws_cognito_identity_provider" "apple" {
  count = local.apple_enabled ? 1 : 0

  user_pool_id  = aws_cognito_user_pool.users.id
  provider_name = "SignInWithApple"
  provider_type = "SignInWithApple"

  provider_details = {
    client_id        = var.apple_services_id
    team_id          = var.apple_team_id
    key_id           = var.apple_key_id
    private_key      = var.apple_private_key
    authorize_scopes = "email name"
  }

  # Apple sends the name only on the first sign-in, and may send a private relay email;
  # ProfileKit keeps the first name it sees (AttributeMapper.fillMissingFields).
  # email_verified: without it Apple users read emailVerified=false and AccountLinker refuses them.
  attribute_mapping = {
    username       = "sub"
    email          = "email"
    email_verified = "email_verified"
    given_name     = "firstName"
    family_name    = "lastName"
  }

  lifecycle {
    # The private key is write-only (Cognito never returns it), and Cognito adds the endpoint keys.
    ignore_changes = [
      provider_details["private_key"],
      provider_details["attributes_url_add_attributes"],
      provider_details["authorize_url"],
      provider_details["oidc_issuer"],
      provider_details["token_request_method"],
      provider_details["token_url"],
    ]
  }
}

resource "aws_cognito_user_pool_client" "app" {
  name         = "${var.name_prefix}-app"
  user_pool_id = aws_cognito_user_pool.users.id

  generate_secret = var.generate_client_secret

  # Email and password sign-in by SRP (USER_SRP_AUTH, ProfileKit's default password flow: the
  # password never leaves the service) and session refresh; nothing else. A service configured with
  # passwordFlow(USER_PASSWORD_AUTH) needs "ALLOW_USER_PASSWORD_AUTH" here instead.
  explicit_auth_flows = [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ]

  # Hosted UI: authorization code with PKCE for Google and Apple.
  supported_identity_providers         = local.identity_providers
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  # aws.cognito.signin.user.admin: CognitoHostedUi asks for it by default (AWS refuses an authorize
  # request for a scope the client lacks), and GlobalSignOut/ChangePassword refuse a token without it.
  allowed_oauth_scopes = ["openid", "email", "profile", "aws.cognito.signin.user.admin"]
  callback_urls        = var.callback_urls
  logout_urls          = var.logout_urls

  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  access_token_validity  = 60
  id_token_validity      = 60
  refresh_token_validity = 30

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  # Federated sign-in writes the mapped attributes, so the client must be allowed to write them.
  read_attributes  = ["email", "email_verified", "name", "given_name", "family_name", "picture", "locale", "zoneinfo"]
  write_attributes = ["email", "name", "given_name", "family_name", "picture", "locale", "zoneinfo"]

  depends_on = [
    aws_cognito_identity_provider.google,
    aws_cognito_identity_provider.apple,
  ]
}
