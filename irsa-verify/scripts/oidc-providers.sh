#!/usr/bin/env bash
# Prints the account's IAM OIDC providers as the doctor's --oidc-providers file: a JSON array with one
# `aws iam get-open-id-connect-provider` output per provider and its Arn added. Needs the AWS CLI and jq.
#   irsa-verify/scripts/oidc-providers.sh > oidc-providers.json
set -euo pipefail
aws iam list-open-id-connect-providers --query 'OpenIDConnectProviderList[].Arn' --output text | tr '\t' '\n' |
  while read -r arn; do
    [ -n "$arn" ] && [ "$arn" != None ] || continue
    aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$arn" --output json |
      jq --arg arn "$arn" '. + {Arn: $arn}'
  done | jq -s .
