variable "name_prefix" {
  description = "Prefix of every resource name, for example \"myapp-prod\"."
  type        = string
}

variable "table_name" {
  description = "Name of the profile table; defaults to \"<name_prefix>-profiles\"."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Protect the profile table and the user pool from deletion. Turn off only for throw-away environments."
  type        = bool
  default     = true
}

variable "hosted_ui_domain_prefix" {
  description = "Prefix of the Cognito hosted UI domain: https://<prefix>.auth.<region>.amazoncognito.com. Globally unique per region."
  type        = string
}

variable "callback_urls" {
  description = "Where the hosted UI may redirect after sign-in (the app's federated sign-in callback), for example [\"https://app.example.com/auth/callback\"]."
  type        = list(string)
}

variable "logout_urls" {
  description = "Where the hosted UI may redirect after sign-out."
  type        = list(string)
  default     = []
}

variable "generate_client_secret" {
  description = "Give the app client a secret. Use true for a server-side service (it then sends SECRET_HASH), false for a mobile or single-page app."
  type        = bool
  default     = true
}

variable "google_client_id" {
  description = "OAuth client id from the Google Cloud console; null to leave Google sign-in out."
  type        = string
  default     = null
}

variable "google_client_secret" {
  description = "OAuth client secret from the Google Cloud console."
  type        = string
  default     = null
  sensitive   = true
}

variable "apple_services_id" {
  description = "Sign in with Apple services id (the client id), for example \"com.example.app.signin\"; null to leave Apple sign-in out."
  type        = string
  default     = null
}

variable "apple_team_id" {
  description = "Apple developer team id."
  type        = string
  default     = null
}

variable "apple_key_id" {
  description = "Id of the Sign in with Apple private key."
  type        = string
  default     = null
}

variable "apple_private_key" {
  description = "The Sign in with Apple private key (.p8 file contents)."
  type        = string
  default     = null
  sensitive   = true
}

variable "service_role_name" {
  description = "Existing IAM role of the service (ECS task, Lambda, EC2 instance role) to attach the service policy to; null to only create the policy."
  type        = string
  default     = null
}

variable "backfill_role_name" {
  description = "Existing IAM role that runs sync-profiles to attach the backfill policy to; null to only create the policy."
  type        = string
  default     = null
}

variable "operator_role_name" {
  description = "Existing IAM role of the operators who link federated identities to existing users (AccountLinker) to attach the operator policy to; null to only create the policy."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
