#!/usr/bin/env bash
# Converts the seed reports (seeds/*.txt, or another folder of .txt reports) to PDF and DOCX with
# LibreOffice, for scoring the same questions over other formats: OUT/txt, OUT/pdf, OUT/docx, each with
# catalog.json keyed by its file names.
#   scripts/convert-seeds.sh [OUT=/tmp/seeds-formats] [SRC=seeds]
#   npm run eval -- --questions ../shared/eval/dev.jsonl --seeds /tmp/seeds-formats/pdf
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/seeds-formats}
SRC=${2:-seeds}
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
mkdir -p "$OUT/txt" "$OUT/pdf" "$OUT/docx"
cp "$SRC"/*.txt "$OUT/txt/"
for format in pdf docx; do
  soffice --headless -env:UserInstallation="file://$PROFILE" --infilter='Text (encoded):UTF8' \
    --convert-to "$format" --outdir "$OUT/$format" "$SRC"/*.txt >/dev/null 2>&1
done
for format in txt pdf docx; do
  if [ -f "$SRC/catalog.json" ]; then
    sed -E "s/\"([^\"]+)\.txt\"[[:space:]]*:/\"\1.$format\":/" "$SRC/catalog.json" > "$OUT/$format/catalog.json"
  fi
done
ls -l "$OUT"/*
