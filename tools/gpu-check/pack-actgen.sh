#!/usr/bin/env bash
# Packs actgen for the GPU machine, which has no .NET: self-contained for linux-x64, without libtorch (the device check
# needs none: ActGenTorchBackend=none) and with invariant globalization (no ICU needed), as
# tools/gpu-check/actgen-linux-x64.tar.xz (about 33 MB; ignored by git), which run.sh unpacks and runs. Needs the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dotnet publish "$here/../../ActGen.Experiments" -c Release -r linux-x64 --self-contained \
  -p:ActGenTorchBackend=none -p:InvariantGlobalization=true -o "$stage/actgen"
tar -cJf "$here/actgen-linux-x64.tar.xz" -C "$stage" actgen
ls -l "$here/actgen-linux-x64.tar.xz"
