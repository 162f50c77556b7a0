//===- Compiler.h - The stages of `quantc compile` --------------*- C++ -*-===//
//
// ONNX model -> qnt -> linalg -> buffers -> LLVM dialect -> LLVM IR ->
// object code, stopping at any stage to print it.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_TOOLS_QUANTC_COMPILER_H
#define QUANTC_TOOLS_QUANTC_COMPILER_H

#include "quantc/Codegen/Emitter.h"
#include "quantc/Codegen/ModelInterface.h"
#include "quantc/Import/ONNX/Importer.h"

#include "mlir/IR/MLIRContext.h"

namespace mlir::quantc {

/// The stages `--emit` can stop after.
enum class Stage { Qnt, Quantized, Linalg, LLVMIR, Asm, Obj };

struct CompileOptions {
  std::string modelPath;
  ImportOptions import;
  TargetOptions target;
  /// The C identifier prefixing the model's symbols.
  std::string name;
  /// Calibration statistics for quantizing a float model, and the
  /// quantization scheme (see the qnt-quantize pipeline).
  std::string calibration;
  std::string activationType = "u8";
  bool symmetricActivations = false;
  std::string weightGranularity = "per-channel";
  /// Graph outputs rounded to 8 bits too (default: the accumulator's
  /// precision).
  bool narrowOutputs = false;
  /// Rounding of convolution weights: kernel-sum or nearest.
  std::string weightRounding = "kernel-sum";
  /// The requantization contract: "float" or "fixed" (docs/Numerics.md).
  std::string requant = "float";
  Stage emit = Stage::Obj;
};

struct CompileResult {
  ModelInterface interface;
  /// The requested stage: IR text, assembly, or object bytes.
  SmallVector<char> output;
};

/// Runs the stages up to `options.emit`. Errors are reported through the
/// context's diagnostic handler.
LogicalResult compileModel(MLIRContext &context, const CompileOptions &options,
                           CompileResult &result);

/// The default symbol prefix for a model file: its stem as a C identifier.
std::string defaultModelName(StringRef modelPath);

} // namespace mlir::quantc

#endif // QUANTC_TOOLS_QUANTC_COMPILER_H
