#!/usr/bin/env bash
# secret-from-files.sh DIR: prints the deltadb-secrets Secret (namespace deltadb)
# built from the files in DIR, laid out as deploy/compose/make-secrets.sh makes
# them (DIR/main/{admin-key,master-key,worker-secret,tls.crt,tls.key},
# DIR/proc-1/{tls.crt,tls.key}, DIR/ca/ca.crt). Apply it in place of the base's
# placeholders:
#   deploy/kubernetes/secret-from-files.sh deploy/compose/secrets | kubectl apply -f -
# Needs kubectl (offline: --dry-run=client only prints).
set -euo pipefail
dir="${1:?usage: secret-from-files.sh DIR}"
kubectl create secret generic deltadb-secrets --namespace deltadb --dry-run=client -o yaml \
  --from-file=admin-key="$dir/main/admin-key" \
  --from-file=master-key="$dir/main/master-key" \
  --from-file=worker-secret="$dir/main/worker-secret" \
  --from-file=ca.crt="$dir/ca/ca.crt" \
  --from-file=main-tls.crt="$dir/main/tls.crt" \
  --from-file=main-tls.key="$dir/main/tls.key" \
  --from-file=proc-tls.crt="$dir/proc-1/tls.crt" \
  --from-file=proc-tls.key="$dir/proc-1/tls.key"
