#!/usr/bin/env bash
# Regenerates the snarkjs reference files the tests read (circuits/src/test/resources/snarkjs/): our tiny R1CS and
# witness, then snarkjs's own Groth16 setup, verification key, proof and public inputs for them. Needs the module's
# test classes built (./mvnw -pl circuits -am test-compile) and `npm ci` in this directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/circuits/src/test/resources/snarkjs"
snarkjs="node $here/node_modules/snarkjs/build/cli.cjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp="$repo/circuits/target/test-classes:$repo/circuits/target/classes:$repo/crypto/target/classes"
cp="$cp:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-databind/*/jackson-databind-*.jar | grep -v sources | tail -1)"
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$cp" dev.obsidian.circuits.snarkjs.WriteTinyCircuit "$work"
cd "$work"
$snarkjs r1cs info tiny.r1cs
$snarkjs wtns check tiny.r1cs tiny.wtns
# a throwaway powers-of-tau (2^4 points) and phase-2 key: fixed entropy, for test reference files only
$snarkjs powersoftau new bn128 4 pot_0.ptau
$snarkjs powersoftau contribute pot_0.ptau pot_1.ptau --name=reference -e="obsidian reference ptau"
$snarkjs powersoftau prepare phase2 pot_1.ptau pot_final.ptau
$snarkjs groth16 setup tiny.r1cs pot_final.ptau tiny_0.zkey
$snarkjs zkey contribute tiny_0.zkey tiny.zkey --name=reference -e="obsidian reference zkey"
$snarkjs zkey export verificationkey tiny.zkey verification_key.json
$snarkjs groth16 prove tiny.zkey tiny.wtns proof.json public.json
$snarkjs groth16 verify verification_key.json public.json proof.json
mkdir -p "$out"
cp tiny.r1cs tiny.wtns verification_key.json proof.json public.json "$out/"
echo "reference files written to $out"
