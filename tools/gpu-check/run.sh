#!/usr/bin/env bash
# The device check. First check.py, with the first Python that imports torch: $ACTGEN_PYTHON, then python3/python on
# PATH, then common virtual environments; arguments go to check.py (e.g. --quick, --out DIR, --only elu,relu,
# --self-test). Then ActGen's own runtime on the GPU: `actgen kernels --check-cuda-on-device` from the package that
# pack-actgen.sh writes beside this script (or the actgen named by $ACTGEN_GPU_CHECK_ACTGEN), its output also in
# DIR/dotnet-device-check.txt (--large-length from $ACTGEN_GPU_CHECK_LARGE_LENGTH where set). --dotnet-only runs that
# part alone. Exits non-zero when either part fails.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="$here/actgen-linux-x64.tar.xz"

out="gpu-check-out"
dotnet_only=0
self_test=0
args=()
previous=""
for arg in "$@"; do
  case "$arg" in
    --dotnet-only) dotnet_only=1; previous="$arg"; continue ;;
    --self-test) self_test=1 ;;
  esac
  [ "$previous" = "--out" ] && out="$arg"
  case "$arg" in --out=*) out="${arg#--out=}" ;; esac
  args+=("$arg")
  previous="$arg"
done

python_check() {
  local candidates=("${ACTGEN_PYTHON:-}" python3 python)
  for venv in /opt/*/bin/python3 /opt/*/*/bin/python3 "$HOME"/*/bin/python3 "$HOME"/.venv/bin/python3 /venv/bin/python3; do
    candidates+=("$venv")
  done
  candidates+=(/usr/local/bin/python3)
  for python in "${candidates[@]}"; do
    [ -n "$python" ] || continue
    command -v "$python" >/dev/null 2>&1 || [ -x "$python" ] || continue
    if "$python" -c "import torch" >/dev/null 2>&1; then
      # NVRTC loads libnvrtc-builtins from its own folder; the torch wheel's copy is found through it.
      local lib
      lib="$("$python" -c 'import pathlib, torch; print(pathlib.Path(torch.__file__).parent.parent / "nvidia/cu13/lib")')"
      export LD_LIBRARY_PATH="$lib:/usr/local/cuda/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
      "$python" "$here/check.py" ${args[@]+"${args[@]}"}
      return
    fi
  done
  echo "gpu-check: no python with torch found (set ACTGEN_PYTHON)" >&2
  return 2
}

dotnet_check() {
  local actgen="${ACTGEN_GPU_CHECK_ACTGEN:-}" work
  work="$(mktemp -d)"
  if [ -z "$actgen" ]; then
    if [ ! -f "$package" ]; then
      echo "gpu-check: no $package (run tools/gpu-check/pack-actgen.sh where the .NET SDK is); ActGen's runtime not checked" >&2
      return 3
    fi
    tar -xJf "$package" -C "$work" && actgen="$work/actgen/actgen"
  fi
  mkdir -p "$out"
  # A fresh kernel cache, so that every activation is compiled by NVRTC here.
  ACTGEN_CUDA_CACHE="$work/cache" "$actgen" kernels --check-cuda-on-device \
    ${ACTGEN_GPU_CHECK_LARGE_LENGTH:+--large-length "$ACTGEN_GPU_CHECK_LARGE_LENGTH"} 2>&1 | tee "$out/dotnet-device-check.txt"
  local status="${PIPESTATUS[0]}"
  rm -rf "$work"
  return "$status"
}

status=0
if [ "$dotnet_only" -eq 0 ]; then
  python_check || status=$?
fi
if [ "$self_test" -eq 0 ]; then
  dotnet_check || { code=$?; [ "$status" -ne 0 ] || status=$code; }
fi
exit "$status"
