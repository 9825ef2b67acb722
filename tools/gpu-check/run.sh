#!/usr/bin/env bash
# The device check with the first Python that imports torch: $ACTGEN_PYTHON, then python3/python on PATH, then common
# virtual environments. Arguments go to check.py (e.g. --quick, --out DIR, --only elu,relu, --self-test).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
candidates=("${ACTGEN_PYTHON:-}" python3 python)
for venv in /opt/*/bin/python3 /opt/*/*/bin/python3 "$HOME"/*/bin/python3 "$HOME"/.venv/bin/python3 /venv/bin/python3; do
  candidates+=("$venv")
done
candidates+=(/usr/local/bin/python3)
for python in "${candidates[@]}"; do
  [ -n "$python" ] || continue
  command -v "$python" >/dev/null 2>&1 || [ -x "$python" ] || continue
  if "$python" -c "import torch" >/dev/null 2>&1; then
    # NVRTC loads libnvrtc-builtins from its own folder; the torch wheel's copy is found through it.
    lib="$("$python" -c 'import pathlib, torch; print(pathlib.Path(torch.__file__).parent.parent / "nvidia/cu13/lib")')"
    export LD_LIBRARY_PATH="$lib:/usr/local/cuda/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    exec "$python" "$here/check.py" "$@"
  fi
done
echo "gpu-check: no python with torch found (set ACTGEN_PYTHON)" >&2
exit 2
