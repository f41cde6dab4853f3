#!/usr/bin/env bash
# Builds every fuzz target on stable Rust (no sanitizer), as CI does; `run.sh` runs them.
set -euo pipefail
cd "$(dirname "$0")"
cargo fuzz build -s none
