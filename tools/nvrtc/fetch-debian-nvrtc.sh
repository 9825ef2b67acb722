#!/usr/bin/env bash
# Fetches Debian's NVRTC (non-free: libnvrtc* and its builtins; bookworm's is CUDA 11.8, trixie's 12.4) of SUITE (this
# system's by default) into DIR without installing anything or needing root, and prints the library's path. NVRTC
# compiles on the CPU, so `actgen kernels --compile-cuda-with-nvrtc` and the tests that use it (ACTGEN_TEST_NVRTC) run on a
# machine without a GPU. Debian only (NVIDIA's libraries need nothing newer than bookworm's glibc); exits 1 saying why.
set -euo pipefail
dir="${1:?usage: fetch-debian-nvrtc.sh DIR [SUITE]}"
. /etc/os-release 2>/dev/null || true
suite="${2:-${VERSION_CODENAME:-}}"
if [ "${ID:-}" != debian ] || [ -z "$suite" ] || ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  echo "fetch-debian-nvrtc: not a Debian with apt-get and dpkg-deb (${PRETTY_NAME:-unknown system})" >&2
  exit 1
fi
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs" "$dir/root"
cat > "$dir/apt/sources.list" <<SOURCES
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite non-free
SOURCES
apt=(-o "Dir::Etc::SourceList=$dir/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$dir/apt/lists"
  -o "Dir::Cache=$dir/apt/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" -o Acquire::http::Timeout=20
  -o Acquire::Retries=1 -qq)
apt-get "${apt[@]}" update >&2
mapfile -t packages < <(apt-cache "${apt[@]}" search --names-only '^libnvrtc(-builtins)?[0-9.]+$' | cut -d' ' -f1)
if [ "${#packages[@]}" -eq 0 ]; then
  echo "fetch-debian-nvrtc: $suite non-free has no libnvrtc" >&2
  exit 1
fi
(cd "$dir/debs" && apt-get "${apt[@]}" download "${packages[@]}" >&2)
for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
library="$(find "$dir/root" -name 'libnvrtc.so.*' ! -name '*builtins*' | awk '{ print length, $0 }' | sort -n | head -n 1 | cut -d' ' -f2-)"
if [ -z "$library" ]; then
  echo "fetch-debian-nvrtc: the packages held no libnvrtc.so" >&2
  exit 1
fi
echo "$library"
