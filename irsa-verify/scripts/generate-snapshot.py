#!/usr/bin/env python3
"""Writes an audit snapshot of N service accounts, N pods and N roles in the standard formats:
k8s.json (kubectl get serviceaccounts,pods -A -o json), webhooks.json, iam.json
(aws iam get-account-authorization-details), oidc-providers.json and cluster.json (aws eks describe-cluster).

    irsa-verify/scripts/generate-snapshot.py N DIR

100 service accounts per namespace, each with its own role (trust for its subject, one of 50 shared
managed policies attached, one inline policy) and one pod as the webhook mutated it. Faults, so the
audit has work to report: every 100th pod was created before the annotation (not mutated), every
250th role does not exist (orphan annotation), every 500th trust names another namespace, every
1000th role has a subject that does not exist (orphan trust).
"""
import json
import os
import sys

ACCOUNT = "111122223333"
HOST = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
ISSUER = "https://" + HOST


def sa(i):
    ns, name = "ns-%d" % (i // 100), "app-%d" % i
    return {"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": name, "namespace": ns, "creationTimestamp": "2026-01-01T10:00:00Z",
                         "annotations": {"eks.amazonaws.com/role-arn": "arn:aws:iam::%s:role/%s" % (ACCOUNT, name)}}}


def pod(i):
    ns, name = "ns-%d" % (i // 100), "app-%d" % i
    container = {"name": "app", "image": "example/app:1", "resources": {}}
    spec = {"serviceAccountName": name, "containers": [container], "securityContext": {"fsGroup": 65534}}
    if i % 100 != 99:
        container["env"] = [
            {"name": "AWS_STS_REGIONAL_ENDPOINTS", "value": "regional"},
            {"name": "AWS_ROLE_ARN", "value": "arn:aws:iam::%s:role/%s" % (ACCOUNT, name)},
            {"name": "AWS_WEB_IDENTITY_TOKEN_FILE", "value": "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"}]
        container["volumeMounts"] = [{"name": "aws-iam-token", "readOnly": True,
                                      "mountPath": "/var/run/secrets/eks.amazonaws.com/serviceaccount"}]
        spec["volumes"] = [{"name": "aws-iam-token", "projected": {"sources": [{"serviceAccountToken": {
            "audience": "sts.amazonaws.com", "expirationSeconds": 86400, "path": "token"}}]}}]
    return {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "%s-5d8f7c-x%d" % (name, i), "namespace": ns, "creationTimestamp": "2026-01-01T10:05:00Z",
                         "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": name + "-5d8f7c",
                                              "uid": str(i), "controller": True}]},
            "spec": spec, "status": {"phase": "Running"}}


def role(i):
    ns, name = "ns-%d" % (i // 100), "app-%d" % i
    subjects = ["system:serviceaccount:%s:%s" % ("other" if i % 500 == 7 else ns, name)]
    if i % 1000 == 3:
        subjects.append("system:serviceaccount:%s:gone-%d" % (ns, i))
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/%s" % (ACCOUNT, HOST)},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {HOST + ":sub": subjects if len(subjects) > 1 else subjects[0],
                                       HOST + ":aud": "sts.amazonaws.com"}}}]}
    inline = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"],
                                                      "Resource": "arn:aws:sqs:us-west-2:%s:%s" % (ACCOUNT, name)}]}
    return {"Path": "/", "RoleName": name, "RoleId": "AROA%016d" % i, "Arn": "arn:aws:iam::%s:role/%s" % (ACCOUNT, name),
            "CreateDate": "2026-01-01T09:00:00Z", "AssumeRolePolicyDocument": trust, "InstanceProfileList": [],
            "RolePolicyList": [{"PolicyName": "queue", "PolicyDocument": inline}],
            "AttachedManagedPolicies": [{"PolicyName": "shared-%d" % (i % 50),
                                         "PolicyArn": "arn:aws:iam::%s:policy/shared-%d" % (ACCOUNT, i % 50)}],
            "Tags": [], "RoleLastUsed": {}}


def policy(j):
    doc = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket-%d" % j},
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"], "Resource": "arn:aws:s3:::bucket-%d/*" % j}]}
    return {"PolicyName": "shared-%d" % j, "PolicyId": "ANPA%016d" % j, "Arn": "arn:aws:iam::%s:policy/shared-%d" % (ACCOUNT, j),
            "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": 1, "IsAttachable": True,
            "PolicyVersionList": [{"Document": doc, "VersionId": "v1", "IsDefaultVersion": True,
                                   "CreateDate": "2026-01-01T09:00:00Z"}]}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)

    def write(name, value):
        with open(os.path.join(out, name), "w") as f:
            json.dump(value, f, indent=4)

    items = [sa(i) for i in range(n)] + [pod(i) for i in range(n)]
    write("k8s.json", {"apiVersion": "v1", "kind": "List", "items": items, "metadata": {"resourceVersion": ""}})
    write("webhooks.json", {"apiVersion": "v1", "kind": "List", "items": [{
        "apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
        "metadata": {"name": "pod-identity-webhook"}, "webhooks": [{"name": "iam-for-pods.amazonaws.com"}]}]})
    write("iam.json", {"UserDetailList": [], "GroupDetailList": [],
                       "RoleDetailList": [role(i) for i in range(n) if i % 250 != 11],
                       "Policies": [policy(j) for j in range(50)]})
    write("oidc-providers.json", [{"Arn": "arn:aws:iam::%s:oidc-provider/%s" % (ACCOUNT, HOST), "Url": HOST,
                                   "ClientIDList": ["sts.amazonaws.com"], "ThumbprintList": ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]}])
    write("cluster.json", {"cluster": {"name": "bench", "arn": "arn:aws:eks:us-west-2:%s:cluster/bench" % ACCOUNT,
                                       "identity": {"oidc": {"issuer": ISSUER}}, "status": "ACTIVE"}})


if __name__ == "__main__":
    main()
