"""Runs QuantC's command-line tools from Python.

The tools are looked up in $QUANTC_BUILD_DIR/bin, then in the checkout's
build/bin, then on PATH. Failures raise ToolError carrying the tool's own
diagnostics, so a caller sees the MLIR location of the problem.
"""

import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional, Sequence


class ToolError(RuntimeError):
    """A QuantC tool exited with a non-zero status."""

    def __init__(self, tool: str, returncode: int, diagnostics: str):
        super().__init__(f"{tool} failed with exit code {returncode}:\n{diagnostics}")
        self.tool = tool
        self.returncode = returncode
        self.diagnostics = diagnostics


def find_tool(name: str) -> Path:
    """Returns the path of QuantC tool `name`, or raises FileNotFoundError."""
    candidates = []
    if os.environ.get("QUANTC_BUILD_DIR"):
        candidates.append(Path(os.environ["QUANTC_BUILD_DIR"]) / "bin" / name)
    candidates.append(Path(__file__).resolve().parents[2] / "build" / "bin" / name)
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise FileNotFoundError(
        f"cannot find '{name}': build QuantC or set QUANTC_BUILD_DIR")


def import_onnx(model_path: str, input_shapes: Optional[dict] = None,
                input_values: Optional[dict] = None, timeout: Optional[float] = 600) -> str:
    """Imports an ONNX model with quant-translate; returns the qnt IR.

    input_shapes maps input names to shapes (lists of ints), input_values maps
    input names to serialized TensorProto files to bind them to constants.
    """
    tool = find_tool("quant-translate")
    args = [str(tool), "--import-onnx", str(model_path)]
    for name, shape in (input_shapes or {}).items():
        args.append(f"--input-shape={name}=" + "x".join(str(int(d)) for d in shape))
    for name, path in (input_values or {}).items():
        args.append(f"--input-value={name}={path}")
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise ToolError("quant-translate", result.returncode, result.stderr)
    return result.stdout


def quant_opt(source: str, args: Sequence[str] = (), timeout: Optional[float] = 300) -> str:
    """Runs quant-opt on textual IR `source` with `args`; returns the output IR."""
    tool = find_tool("quant-opt")
    result = subprocess.run([str(tool), "-", *args], input=source, capture_output=True,
                            text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise ToolError("quant-opt", result.returncode, result.stderr)
    return result.stdout
