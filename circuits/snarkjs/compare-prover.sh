#!/usr/bin/env bash
# Proves the same R1CS + witness with snarkjs 0.7.6 (pinned in package.json) and with Obsidian, and prints the
# ratio of their proving times (setup excluded on both sides).
#   circuits/snarkjs/compare-prover.sh [LOG2]          poseidon2-chain with about 2^LOG2 constraints (default 16)
#   circuits/snarkjs/compare-prover.sh FILE.r1cs FILE.wtns
# The snarkjs powers of tau (a throwaway local ceremony) is cached in circuits/snarkjs/.cache/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
snarkjs=(node "$here/node_modules/snarkjs/build/cli.cjs")
[ -d "$here/node_modules/snarkjs" ] || (cd "$here" && npm ci --no-audit --no-fund)
cache="$here/.cache"
mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ $# -ge 2 ]; then
  r1cs="$(readlink -f "$1")"; wtns="$(readlink -f "$2")"
else
  log2="${1:-16}"
  n=$(( ((1 << log2) - 4) / 264 ))  # 264 constraints per Poseidon2 permutation, plus one output constraint
  "$repo/obsidian" circuits export --circuit poseidon2-chain --n "$n" --snarkjs "$work" >/dev/null
  r1cs="$work/circuit.r1cs"; wtns="$work/witness.wtns"
fi

# domain size as snarkjs computes it: constraints + public inputs + 1
info="$("${snarkjs[@]}" r1cs info "$r1cs")"
constraints=$(echo "$info" | sed -n 's/.*# of Constraints: \([0-9]*\).*/\1/p')
public=$(( $(echo "$info" | sed -n 's/.*# of Public Inputs: \([0-9]*\).*/\1/p') + $(echo "$info" | sed -n 's/.*# of Outputs: \([0-9]*\).*/\1/p') ))
power=1
while [ $(( 1 << power )) -lt $(( constraints + public + 1 )) ]; do power=$((power + 1)); done
[ "$power" -ge 8 ] || power=8
ptau="$cache/pot_${power}.ptau"
if [ ! -f "$ptau" ]; then
  echo "making a throwaway powers of tau 2^$power for snarkjs (once; cached in $cache)..." >&2
  "${snarkjs[@]}" powersoftau new bn128 "$power" "$work/pot0.ptau" >/dev/null
  "${snarkjs[@]}" powersoftau contribute "$work/pot0.ptau" "$work/pot1.ptau" --name=bench -e="obsidian bench" >/dev/null
  "${snarkjs[@]}" powersoftau prepare phase2 "$work/pot1.ptau" "$ptau.tmp" >/dev/null
  mv "$ptau.tmp" "$ptau"
fi
echo "R1CS: $constraints constraints, $public public; snarkjs setup (not timed)..." >&2
"${snarkjs[@]}" groth16 setup "$r1cs" "$ptau" "$work/circuit.zkey" >/dev/null

snark_out="$(cd "$here" && node prove-timed.cjs "$work/circuit.zkey" "$wtns" 2)"
echo "$snark_out"
ours_out="$("$repo/obsidian" bench prover --r1cs "$r1cs" --wtns "$wtns" --repetitions 2)"
echo "$ours_out"
echo "$snark_out" | grep -q "snarkjs proof verified: true"
echo "$ours_out" | grep -q "^proof verified"
snark_total=$(echo "$snark_out" | sed -n 's/^snarkjs total \([0-9.]*\) s/\1/p')
ours_total=$(echo "$ours_out" | sed -n 's/^total \([0-9.]*\) s/\1/p')
echo "snarkjs ${snark_total} s / obsidian ${ours_total} s = $(echo "scale=2; $snark_total / $ours_total" | bc)x ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
