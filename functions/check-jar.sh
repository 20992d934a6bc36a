#!/bin/sh
# Checks one Lambda jar: under the size budget, and free of the local adapters (adapters-local is the CLI's,
# never a function's). Run by functions/lambda-jar.mk (sam build) and `make package` on every jar.
# The budget: the cold-start figures (docs/performance.md) are measured on jars under this size, and an added
# SDK client crosses it silently otherwise.
set -eu
MAX_JAR_BYTES=15000000
jar=$1
name=$(basename "$jar")
size=$(wc -c < "$jar" | tr -d ' ')
test "$size" -lt "$MAX_JAR_BYTES" || {
  echo "$name is $size bytes, not under $MAX_JAR_BYTES (docs/performance.md)" >&2; exit 1; }
local_classes=$(unzip -Z1 "$jar" | grep '^com/podcastinsights/local/' || true)
test -z "$local_classes" || {
  echo "$name contains local adapter classes (adapters-local belongs to the CLI only):" >&2
  echo "$local_classes" >&2; exit 1; }
echo "$name: $size bytes, no local adapter class"
