//===- ModelInterface.h - The C interface of a compiled model ---*- C++ -*-===//
//
// What a caller of a compiled model sees: the entry point, the workspace,
// and every input and output (ONNX name, C parameter name, shape, element
// type, quantization parameters). Read from the entry function at the
// `qnt` level, where the boundary types still say signed or unsigned and
// quantized; written out as the C header (docs/ABI.md) and as the runner
// `quantc run` links against the object.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CODEGEN_MODELINTERFACE_H
#define QUANTC_CODEGEN_MODELINTERFACE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace mlir::quantc {

/// One input or output of the entry point.
struct TensorInterface {
  std::string onnxName;
  /// A unique C identifier derived from onnxName.
  std::string cName;
  SmallVector<int64_t> shape;
  /// The C element type: float, int8_t, uint8_t, ..., bool as uint8_t.
  std::string cType;
  /// Bytes per element in the buffer.
  unsigned elementBytes = 4;
  /// ONNX TensorProto data type of the buffer's elements.
  int32_t onnxDataType = 1;
  /// Quantization of the values: per tensor (one entry) or along `axis`.
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int32_t axis = -1;

  int64_t numElements() const;
  bool isQuantized() const { return !scales.empty(); }
};

struct ModelInterface {
  /// The C identifier prefixing every symbol (`<name>_run`).
  std::string name;
  std::vector<TensorInterface> inputs;
  std::vector<TensorInterface> outputs;
  int64_t workspaceSize = 0;
  int64_t workspaceAlignment = 64;
  /// Provenance written into the header.
  std::string modelFile, triple, cpu, features;
};

/// Reads the interface of `entry`, a function on `qnt`-level types; fails
/// with a diagnostic at the offending argument for an element type that has
/// no C representation.
FailureOr<ModelInterface> getModelInterface(func::FuncOp entry,
                                            StringRef name);

/// Whether `name` is a valid C identifier that is not a keyword.
bool isCIdentifier(StringRef name);

/// The C header declaring the model's entry point (docs/ABI.md).
void writeCHeader(const ModelInterface &model, llvm::raw_ostream &os);

/// A C program that reads each input from a raw file named on its command
/// line, runs the model, and writes each output to a raw file:
/// `runner in_0.bin ... out_0.bin ...`. `headerName` is #included.
void writeRunnerSource(const ModelInterface &model, StringRef headerName,
                       llvm::raw_ostream &os);

} // namespace mlir::quantc

#endif // QUANTC_CODEGEN_MODELINTERFACE_H
