//===- Importer.h - ONNX models into the qnt dialect ------------*- C++ -*-===//
//
// The public API of QuantC's ONNX importer: a binary (.onnx) or textual
// (.onnxtext) ModelProto becomes a module with one func.func of qnt ops.
// Failures are reported as MLIR diagnostics located at the ONNX node.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_IMPORT_ONNX_IMPORTER_H
#define QUANTC_IMPORT_ONNX_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <string>

namespace mlir::quantc {

struct ImportOptions {
  /// Full static shapes for graph inputs, by ONNX name; they replace the
  /// model's declared shapes (e.g. to fix a symbolic batch dimension).
  llvm::StringMap<SmallVector<int64_t>> inputShapes;
  /// Size given to a symbolic input dimension that inputShapes does not fix,
  /// with a warning; 0 makes such a dimension an error instead.
  int64_t symbolicDimSize = 1;
  /// Graph inputs bound to constant values: name -> path of a serialized
  /// ONNX TensorProto (.pb). Such inputs leave the function signature, so ops
  /// that need them constant (a Reshape's shape, a QuantizeLinear's scale)
  /// can be imported.
  llvm::StringMap<std::string> inputValues;
  /// Name of the generated function.
  std::string entryName = "main";
  /// Record each node output's ONNX name in an `onnx.name` attribute of the
  /// ops producing it, for calibration statistics keyed by ONNX name.
  bool recordONNXNames = false;
};

/// Imports the model in `buffer` (binary protobuf, or ONNX text format when
/// it starts with '<'). `modelDir` is the only folder external data may be
/// read from; `modelName` names the model in diagnostics. Returns null after
/// emitting diagnostics when the model cannot be imported.
OwningOpRef<ModuleOp> importONNX(llvm::MemoryBufferRef buffer,
                                 StringRef modelDir, StringRef modelName,
                                 MLIRContext *context,
                                 const ImportOptions &options);

/// Reads `path` and imports it; external data is resolved next to it.
OwningOpRef<ModuleOp> importONNXFile(StringRef path, MLIRContext *context,
                                     const ImportOptions &options);

/// Parses "name=1x3x224x224" into `options.inputShapes`; returns an error
/// message on malformed text, an empty string on success.
std::string parseInputShape(StringRef spec, ImportOptions &options);

/// Parses "name=path.pb" into `options.inputValues`; returns an error
/// message on malformed text, an empty string on success.
std::string parseInputValue(StringRef spec, ImportOptions &options);

/// One row per supported ONNX op: domain, op type, first and last opset of
/// each handler. For docs/Importer.md.
void printSupportedOps(llvm::raw_ostream &os);

/// Prints the importer's diagnostics as `model.onnx: node 'conv1' (Conv,
/// opset 13): error: ...` on `os` while in scope, instead of MLIR's default
/// format, which is made for source files.
class ImportDiagnosticHandler : public ScopedDiagnosticHandler {
public:
  ImportDiagnosticHandler(MLIRContext *context, llvm::raw_ostream &os);
};

/// Registers the `import-onnx` translation (and its options) with
/// mlir-translate's registry.
void registerImportONNXTranslation();

} // namespace mlir::quantc

#endif // QUANTC_IMPORT_ONNX_IMPORTER_H
