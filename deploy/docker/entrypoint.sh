#!/bin/sh
# deltadb-entrypoint ROLE [FLAGS...]
#
# ROLE is deltadb (all-in-one), main-worker or proc-worker; FLAGS are that
# binary's flags (`ROLE -h`). Flags without a role are deltadb's. Any other
# command runs as given.
#
# Secrets: mount them as files under /run/secrets/deltadb (a Kubernetes Secret
# volume, a compose secret or bind mount), readable by uid 10001 or group 10001.
# The binaries refuse key files that others may read, and Kubernetes mounts
# secrets group-readable, so they are copied to /run/deltadb/secrets with mode
# 0600 first; name them there in the flags (-admin-key-file=/run/deltadb/secrets/admin-key).
# The environment (ADMIN_KEY, MASTER_KEY, WORKER_SECRET, S3_SECRET_KEY) works too.
set -eu
from="${DELTADB_SECRETS_FROM:-/run/secrets/deltadb}"
to="${DELTADB_SECRETS_DIR:-/run/deltadb/secrets}"
if [ -d "$from" ]; then
  umask 077
  mkdir -p "$to"
  for file in "$from"/*; do
    [ -f "$file" ] || continue   # Kubernetes' files are links into ..data: cp follows them
    cp "$file" "$to/$(basename "$file")"
    chmod 0600 "$to/$(basename "$file")"
  done
fi
# A server never generates its master key here: a generated key would live only
# in this container's file system and die with it, leaving the data unreadable.
master_key_given() {
  [ -n "${MASTER_KEY:-}" ] && return 0
  for arg in "$@"; do
    case "$arg" in
      -h | --help | -help) return 0 ;;
      -master-key=?* | --master-key=?*) return 0 ;;
      -master-key-file=* | --master-key-file=*) [ -f "${arg#*=}" ] && return 0 ;;
    esac
  done
  return 1
}
case "${1:-}" in
  "") set -- deltadb ;;
  -*) set -- deltadb "$@" ;;
esac
# Only servers need it: deltadb's tools (backup, restore, ...) take what they need.
is_server() {
  [ "$1" = main-worker ] && return 0
  case "${2:-}" in "" | -* | serve) return 0 ;; esac
  return 1
}
case "$1" in
  deltadb | main-worker)
    if is_server "$@" && ! master_key_given "$@"; then
      echo "deltadb-entrypoint: no master key: mount it at $from/master-key (-master-key-file=$to/master-key) or set MASTER_KEY" >&2
      exit 64
    fi ;;
esac
case "$1" in
  deltadb | main-worker | proc-worker) role="$1"; shift; exec "${DELTADB_BIN_DIR:-/usr/local/bin}/$role" "$@" ;;
  *) exec "$@" ;;
esac
