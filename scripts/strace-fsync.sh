#!/usr/bin/env bash
# Shows that the embedded database fsyncs on commit: runs 5 committed transactions on a fresh data directory
# under strace and prints the fsync calls between the acknowledgements. Needs strace (apt-get install -y strace).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "strace is missing: apt-get install -y strace"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
strace -f -e trace=fsync,fdatasync,write -o "$dir/trace" node --import tsx scripts/commit-five.ts "$dir/data" 2>/dev/null
sed -n '/setup done/,$p' "$dir/trace" | grep -E 'fsync\(|fdatasync\(|write\(2, "---' | sed -E 's/^[0-9]+ +//; s/ = [0-9]+$//'
echo "fsync calls for 5 commits: $(sed -n '/setup done/,$p' "$dir/trace" | grep -cE 'fsync\(|fdatasync\(')"
