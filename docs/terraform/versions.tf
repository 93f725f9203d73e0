terraform {
  required_version = ">= 1.5.0"

  required_providers {
    # 5.x: the arguments used here; 6.0 renamed data.aws_region's "name" (outputs.tf).
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}
