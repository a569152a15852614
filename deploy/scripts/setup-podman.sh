#!/usr/bin/env bash
# Prepares this Debian machine to build and run DeltaDatabase's images with podman:
#   1. apt: podman, buildah, runc, debootstrap (each only if missing);
#      PyPI: podman-compose.
#   2. /etc/containers/containers.conf.d/deltadb.conf: runc (crun refuses these VMs'
#      hybrid cgroups) and default ulimits below the VMs' hard limits.
#   3. The local base image $BASE_IMAGE (default localhost/deltadb-base:bookworm):
#      `debootstrap --variant=minbase` of the host's Debian release from the host's
#      apt mirror, with the runtime packages the binaries and health checks need
#      (--include), then `podman import`. Skipped when the image exists.
# Idempotent: a second run changes nothing and takes a few seconds.
# Nothing here needs network inside a container build.
set -euo pipefail
BASE_IMAGE="${BASE_IMAGE:-localhost/deltadb-base:bookworm}"
# libxml2 (and libicu72 through it) for FoundationXML, which Foundation links.
RUNTIME_PACKAGES="libssl3,libxml2,ca-certificates,curl,tzdata"
PYTHON="${PYTHON:-python3}"

need=()
for tool in podman buildah runc debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup-podman: apt-get install ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The tests run it as `$PYTHON -m podman_compose`: the interpreter pip installs into.
if ! "$PYTHON" -c "import podman_compose" >/dev/null 2>&1; then
  echo "setup-podman: pip install podman-compose"
  pip_args=(--quiet --disable-pip-version-check "podman-compose>=1.0.6,<2")
  PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install "${pip_args[@]}" 2>/dev/null ||
    PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install --break-system-packages "${pip_args[@]}"
fi

conf=/etc/containers/containers.conf.d/deltadb.conf
want='[engine]
runtime = "runc"

[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]'
if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
  mkdir -p "$(dirname "$conf")"
  printf '%s\n' "$want" >"$conf"
  echo "setup-podman: wrote $conf"
fi

if podman image exists "$BASE_IMAGE"; then
  echo "setup-podman: $BASE_IMAGE exists"
  exit 0
fi

# The host's release and mirror (deb822 or one-line sources), so no other mirror is needed.
. /etc/os-release
suite="${VERSION_CODENAME:-bookworm}"
mirror=$(grep -hoE '^URIs: *http[^ ]*/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | sed 's/^URIs: *//')
if [ -z "$mirror" ]; then
  mirror=$(grep -hoE '^deb +(\[[^]]*\] +)?http[^ ]*/debian/? ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    head -1 | awk '{print $NF}')
fi
mirror="${mirror:-http://deb.debian.org/debian}"

work=$(mktemp -d /var/tmp/deltadb-base.XXXXXX)
rootfs="$work/rootfs"
# debootstrap mounts /proc and /sys in the rootfs; never delete through a mount.
trap 'for m in dev/pts dev proc sys; do umount -l "$rootfs/$m" 2>/dev/null || true; done; rm -rf --one-file-system "$work"' EXIT
echo "setup-podman: debootstrap $suite from $mirror (a few minutes)"
debootstrap --variant=minbase --include="$RUNTIME_PACKAGES" "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; exit 1; }
# A smaller image: no apt lists, caches or docs are needed at run time.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
tar -C "$rootfs" -c . | podman import --quiet --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
echo "setup-podman: created $BASE_IMAGE"
