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
# Debian's interpreter, which has python3-onnx and numpy.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%quantc_src", config.quantc_src_root))
# .onnxtext tests separate their cases with "# -----" (an ONNX comment); the
# substitution keeps the marker itself out of the RUN line.
config.substitutions.append(("%split_onnx", '--split-input-file="# -----"'))

tool_dirs = [config.quantc_tools_dir, config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["quant-opt", "quant-translate"], tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
