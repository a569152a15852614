#!/usr/bin/env bash
# For `make run` only: keep a generated development master key in a 0600 file
# outside the data directory, so restarting the dev server keeps data readable.
# Production deployments pass -master-key, MASTER_KEY or their own key file.
set -euo pipefail
file="$1"
if [ ! -s "$file" ]; then
  umask 077
  od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$file"
  echo "make run: generated a development master key in $file (mode 0600, outside the data directory)."
else
  echo "make run: using the development master key in $file (mode 0600, outside the data directory)."
fi
chmod 600 "$file"
