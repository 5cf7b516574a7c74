#!/usr/bin/env node
// Builds Warden's generated conformance corpus from the differential oracle (shared/oracle).
//
//   node tools/conformance/build-corpus.mjs --oracle /tmp/oracle --warden cli/target/warden.jar \
//        --out core/src/test/resources/conformance/generated.jsonl --seeds s1,s2,... --count 2500
//
// For every seed it generates cases twice (without and with --app), asks the oracle (raw mode) for each
// decision, and asks Warden. Every case goes into the corpus with "expect" set to the oracle's answer, except
// where the oracle departs from AWS's documentation; there the expected answer must itself come from the oracle,
// on a variant of the case that states AWS's documented semantics explicitly:
//
//   variable-without-value  AWS, "Policy variables with no value": a variable whose key the request lacks is
//                           "effectively null": StringEquals/StringLike do not match it, StringNotEquals /
//                           StringNotLike do, and a Resource or NotResource entry holding it matches no resource.
//                           The oracle instead drops the whole value (negated operators fail, NotResource
//                           statements stop applying). Variant: in the policies, each such variable is replaced
//                           by text that equals nothing ("#no-value#"; a default value where the variable has
//                           one), which is exactly the documented null semantics.
//
//   notprincipal-in-trust-policy
//                           AWS, "AWS JSON policy elements: NotPrincipal": "You cannot use the NotPrincipal element
//                           in an IAM identity-based policy or in an IAM role trust policy." The generator puts
//                           Deny/NotPrincipal statements into trust policies and the oracle evaluates them; IAM
//                           refuses such a document, so the expected answer is "error". Checked: the resource is
//                           a role, its policy has a NotPrincipal statement, and Warden's error says exactly that.
//
// Such a case keeps the oracle's original answer in "oracle" and names the rule in "deviation". A disagreement
// that no rule explains stops the build: it is a Warden bug (or a new deviation to document here).
//
// The install of the oracle must be a copy outside shared/ (cp -r ../shared/oracle /tmp/oracle && npm install).

import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

function args(argv) {
  const o = { seeds: ['1', '2', '3', '4'], count: 2500 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--oracle') o.oracle = argv[++i]
    else if (a === '--warden') o.warden = argv[++i]
    else if (a === '--out') o.out = argv[++i]
    else if (a === '--seeds') o.seeds = argv[++i].split(',')
    else if (a === '--count') o.count = Number(argv[++i])
    else if (a === '--check') o.check = true
    else throw new Error(`unknown argument ${a}`)
  }
  if (!o.oracle || !o.warden || (!o.out && !o.check)) {
    throw new Error('usage: build-corpus.mjs --oracle DIR --warden JAR (--out FILE | --check) [--seeds a,b] [--count N]')
  }
  return o
}

function run(cmd, argv, input) {
  const r = spawnSync(cmd, argv, { input, maxBuffer: 1 << 30, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

const lines = (text) => text.split('\n').filter((l) => l.trim() !== '')
const decisions = (text) => lines(text).map((l) => JSON.parse(l))

// Text that no request value or resource name contains: what a variable without value is replaced by.
const SENTINEL = '#no-value#'
const POLICY_FIELDS = ['identityPolicies', 'resourcePolicy', 'permissionBoundaries', 'scps', 'rcps', 'sessionPolicy',
  'vpcEndpointPolicies']

// The variant of a case that states AWS's null semantics for variables without value, or null if it has none:
// each such ${key} in the policies becomes text that equals nothing (or its default value, where it has one).
function nullVariableVariant(c) {
  const present = new Set(Object.keys(c.context ?? {}).filter((k) => c.context[k] != null && !Array.isArray(c.context[k]))
    .map((k) => k.toLowerCase()))
  let changed = false
  const substitute = (text) => text.replace(/\$\{([^}]*)\}/g, (whole, inside) => {
    const [name, ...rest] = inside.split(',')
    const key = name.trim().toLowerCase()
    if (['*', '?', '$'].includes(key) || present.has(key)) return whole
    changed = true
    const fallback = rest.join(',').trim()
    return fallback.startsWith("'") && fallback.endsWith("'") && fallback.length >= 2 ? fallback.slice(1, -1) : SENTINEL
  })
  const walk = (v) => {
    if (typeof v === 'string') return substitute(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  const variant = { ...c }
  for (const field of POLICY_FIELDS) if (c[field] != null) variant[field] = walk(c[field])
  return changed ? variant : null
}

const o = args(process.argv.slice(2))
const cases = []
for (const seed of o.seeds) {
  for (const app of [false, true]) {
    const argv = [join(o.oracle, 'gen.mjs'), `${seed}${app ? '-app' : ''}`, String(o.count)]
    if (app) argv.push('--app')
    cases.push(...lines(run('node', argv)).map((l) => JSON.parse(l)))
  }
}
const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n'
const oracle = decisions(run('node', [join(o.oracle, 'oracle.mjs')], input))
const warden = decisions(run('java', ['-jar', o.warden, 'simulate', '--batch'], input))

const mismatched = cases.map((c, i) => i).filter((i) => oracle[i].decision !== warden[i].decision)
const variants = mismatched.map((i) => nullVariableVariant(cases[i]))
const variantInput = variants.filter(Boolean).map((c) => JSON.stringify(c)).join('\n') + '\n'
const variantOracle = variants.some(Boolean) ? decisions(run('node', [join(o.oracle, 'oracle.mjs')], variantInput)) : []

function trustPolicyWithNotPrincipal(c, wardenResult) {
  const role = /^arn:[^:]+:iam::[^:]*:role\//.test(c.resource)
  const statements = c.resourcePolicy ? [c.resourcePolicy.Statement].flat() : []
  return role && statements.some((st) => st && 'NotPrincipal' in st) && wardenResult.decision === null &&
    /role trust policy cannot use NotPrincipal/.test(wardenResult.error ?? '')
}

const explained = new Map()
let v = 0
const unexplained = []
mismatched.forEach((i, k) => {
  if (trustPolicyWithNotPrincipal(cases[i], warden[i])) {
    explained.set(i, { expect: 'error', deviation: 'notprincipal-in-trust-policy' })
    if (variants[k]) v++
    return
  }
  if (variants[k]) {
    const answer = variantOracle[v++].decision
    if (answer === warden[i].decision) {
      explained.set(i, { expect: answer, deviation: 'variable-without-value' })
      return
    }
  }
  unexplained.push(i)
})

for (const i of unexplained) {
  process.stderr.write(`UNEXPLAINED ${cases[i].id}: oracle ${oracle[i].decision}, warden ${warden[i].decision} ${warden[i].error ?? ''}\n`)
}
const errors = oracle.filter((d) => d.decision === null).length
const byRule = {}
for (const { deviation } of explained.values()) byRule[deviation] = (byRule[deviation] ?? 0) + 1
process.stderr.write(`${cases.length} cases, ${errors} oracle errors, ${mismatched.length} differ from the oracle: ` +
  `${explained.size} explained by AWS's documentation ${JSON.stringify(byRule)}, ${unexplained.length} unexplained\n`)

if (o.out) {
  const out = cases.map((c, i) => {
    const entry = { ...c, expect: oracle[i].decision ?? 'error' }
    if (explained.has(i)) {
      entry.expect = explained.get(i).expect
      entry.oracle = oracle[i].decision
      entry.deviation = explained.get(i).deviation
    }
    return JSON.stringify(entry)
  })
  writeFileSync(o.out, out.join('\n') + '\n')
}
process.exit(unexplained.length === 0 ? 0 : 1)
