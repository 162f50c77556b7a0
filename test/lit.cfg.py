# lit.cfg.py - configuration of QuantC's lit test suite.
#
# Tests find QuantC's tools in the build tree and LLVM's FileCheck, not and
# count in LLVM 22's tool directory. Tests that read ../shared (models written
# by others) require the `shared-models` feature and report UNSUPPORTED
# without it.

import os

import lit.formats
from lit.llvm import llvm_config

config.name = "QuantC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".onnxtext", ".test"]
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.quantc_obj_root, "test")

llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

shared_models = os.path.join(os.path.dirname(config.quantc_src_root), "shared", "models")
if os.path.isdir(shared_models):
    config.available_features.add("shared-models")
config.substitutions.append(("%shared_models", shared_models))
# Sample data from Debian packages (python3-sklearn's digits, python3-skimage,
# dataset-fashion-mnist) for the accuracy report.
if all(os.path.exists(p) for p in (
        "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz",
        "/usr/lib/python3/dist-packages/skimage/data",
        "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")):
    config.available_features.add("debian-datasets")
# ONNX's operator tests as Debian packages them (libonnx-testdata, ONNX 1.12):
# node tests and PyTorch-exported cases for the conformance run.
onnx_testdata = "/usr/share/libonnx-testdata/data"
if os.path.isdir(onnx_testdata):
    config.available_features.add("onnx-testdata")
config.substitutions.append(("%onnx_testdata", onnx_testdata))
# Debian's interpreter, which has python3-onnx and numpy.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%quantc_src", config.quantc_src_root))
config.substitutions.append(("%quantc_tools", config.quantc_tools_dir))
# .onnxtext tests separate their cases with "# -----" (an ONNX comment); the
# substitution keeps the marker itself out of the RUN line.
config.substitutions.append(("%split_onnx", '--split-input-file="# -----"'))

tool_dirs = [config.quantc_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["quant-opt", "quant-translate", "quantc"], tool_dirs)
# The C and C++ compilers that check the generated headers.
config.substitutions.append(("%cc", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%cxx", os.path.join(config.llvm_tools_dir, "clang++")))

# Cross targets run under qemu-user with the cross gcc; tests that need them
# report UNSUPPORTED where they are not installed.
import shutil
for arch in ("aarch64", "riscv64"):
    if shutil.which(f"qemu-{arch}") and shutil.which(f"{arch}-linux-gnu-gcc"):
        config.available_features.add(f"qemu-{arch}")
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
