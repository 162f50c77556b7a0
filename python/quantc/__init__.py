"""QuantC's Python package: thin wrappers over the command-line tools."""

from quantc.tools import ToolError, find_tool, import_onnx, quant_opt

__all__ = ["ToolError", "find_tool", "import_onnx", "quant_opt"]
