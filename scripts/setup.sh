#!/usr/bin/env bash
# setup.sh - installs every Debian package QuantC needs to build and test.
#
# Idempotent: packages already present are not reinstalled and the package
# lists are refreshed only when something is missing, so a second run is quiet.
set -euo pipefail

packages=(
  # Toolchain and MLIR 22.
  cmake ninja-build llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  clang-22 lld-22
  # ONNX import.
  libprotobuf-dev protobuf-compiler libonnx-dev
  # Python helpers used by tests to build models; ONNX's own operator test
  # data for the conformance run.
  python3-onnx python3-numpy libonnx-testdata
  # Sample data for the accuracy report (python/quantc/accuracy.py).
  python3-sklearn python3-skimage dataset-fashion-mnist
  # Cross targets: `quantc run --target=aarch64-linux-gnu|riscv64-linux-gnu`
  # links with the cross gcc and runs under qemu-user.
  gcc-aarch64-linux-gnu gcc-riscv64-linux-gnu libc6-dev-arm64-cross
  libc6-dev-riscv64-cross qemu-user
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
