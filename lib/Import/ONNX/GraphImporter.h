//===- GraphImporter.h - One ONNX graph into one func.func ------*- C++ -*-===//
//
// The importer's state: the model, a symbol table from ONNX value names to
// MLIR values, and builders for the function body and its constants.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
#define QUANTC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H

#include "quantc/Import/ONNX/Importer.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

namespace mlir::quantc::onnx_import {

class GraphImporter {
public:
  GraphImporter(MLIRContext *context, const onnx::ModelProto &model,
                StringRef modelDir, StringRef modelName,
                const ImportOptions &options);

  /// Imports the whole model; null after diagnostics on failure.
  OwningOpRef<ModuleOp> import();

  OpBuilder &getBuilder() { return builder; }
  StringRef getModelDir() const { return modelDir; }

  /// The value named `name`: a graph input, a node output, or an
  /// initializer (materialized as a constant on first use). Null if unknown.
  Value lookup(StringRef name);
  /// Whether `name` is a graph input the function takes as an argument.
  bool isGraphInput(StringRef name) const;
  /// Binds a node output.
  void bind(StringRef name, Value value) { values[name] = value; }

private:
  LogicalResult collectOpsets();
  LogicalResult checkGraphStructure();
  LogicalResult checkSupported();
  FailureOr<RankedTensorType> convertInputType(const onnx::ValueInfoProto &info,
                                               Location loc);
  LogicalResult createFunction();
  LogicalResult bindInputValue(const onnx::ValueInfoProto &input,
                               StringRef path);
  LogicalResult importNode(const onnx::NodeProto &node, unsigned index);
  LogicalResult createReturn();
  /// Warns when `value` disagrees with the shape value_info declares.
  void checkDeclaredShape(StringRef name, Value value, Location loc);
  int64_t getOpset(StringRef domain) const;
  Location getNodeLoc(const onnx::NodeProto &node, unsigned index);
  Location getValueLoc(StringRef kind, StringRef name);

  MLIRContext *context;
  const onnx::ModelProto &model;
  const onnx::GraphProto &graph;
  std::string modelDir;
  std::string modelName;
  const ImportOptions &options;

  OwningOpRef<ModuleOp> module;
  func::FuncOp function;
  OpBuilder builder;
  /// Inserts initializer constants at the top of the function, in order.
  OpBuilder constantBuilder;

  llvm::StringMap<int64_t> opsets;
  /// Node indices in dependency order (the model's order when sorted).
  SmallVector<unsigned> nodeOrder;
  llvm::StringMap<Value> values;
  llvm::StringMap<const onnx::TensorProto *> initializers;
  llvm::StringMap<const onnx::ValueInfoProto *> valueInfos;
  /// Graph inputs bound to constants with ImportOptions::inputValues.
  llvm::StringMap<DenseElementsAttr> boundInputs;
};

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_GRAPHIMPORTER_H
