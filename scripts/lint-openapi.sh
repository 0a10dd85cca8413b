#!/usr/bin/env bash
# Lints the app's OpenAPI document with Redocly's recommended rules; exit 1 on errors.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
npx tsx scripts/openapi.ts "$doc"
npx @redocly/cli lint "$doc" --format=summary --max-problems 1000
