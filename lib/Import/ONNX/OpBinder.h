//===- OpBinder.h - What an op handler sees of one ONNX node ----*- C++ -*-===//
//
// Handlers convert one ONNX node into qnt ops through an OpBinder: typed
// accessors for inputs and attributes that report a located error and
// return failure (ParseResult converts to true), so accessors chain:
//
//   Value x; int64_t axis;
//   if (b.tensorOperand(0, x) || b.intAttr("axis", axis, 1))
//     return failure();
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_OPBINDER_H
#define QUANTC_LIB_IMPORT_ONNX_OPBINDER_H

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/LLVM.h"

#include "onnx/onnx_pb.h"

#include <optional>
#include <string>

namespace mlir::quantc::onnx_import {

class GraphImporter;

class OpBinder {
public:
  OpBinder(GraphImporter &importer, const onnx::NodeProto &node, Location loc,
           int64_t opset);

  const onnx::NodeProto &getNode() const { return node; }
  Location getLoc() const { return loc; }
  OpBuilder &getBuilder();
  MLIRContext *getContext() { return loc.getContext(); }
  /// The opset version of the node's domain that the model imports.
  int64_t getOpset() const { return opset; }

  //===--------------------------------------------------------------------===//
  // Inputs
  //===--------------------------------------------------------------------===//

  unsigned getNumOperands() const { return node.input_size(); }
  /// Whether input `index` is given (optional inputs may be absent or "").
  bool hasOperand(unsigned index) const;
  /// The value of input `index`, or null when it is absent.
  Value getOperand(unsigned index);
  /// The value of a required input; a located error when it is absent.
  ParseResult tensorOperand(unsigned index, Value &value);
  /// Like tensorOperand, but also requires an f32 tensor.
  ParseResult floatOperand(unsigned index, Value &value);
  /// The constant value of input `index`; an error naming `what` when the
  /// input is absent or not a constant.
  ParseResult constantOperand(unsigned index, StringRef what,
                              DenseElementsAttr &value);
  /// The integers of a constant integer input (e.g. a shape or axes).
  ParseResult constantInts(unsigned index, StringRef what,
                           SmallVectorImpl<int64_t> &values);
  /// The floats of a constant f32 input.
  ParseResult constantFloats(unsigned index, StringRef what,
                             SmallVectorImpl<float> &values);

  //===--------------------------------------------------------------------===//
  // Attributes: absent ones take the default when one is given, else fail.
  //===--------------------------------------------------------------------===//

  bool hasAttr(StringRef name) const { return findAttr(name) != nullptr; }
  ParseResult intAttr(StringRef name, int64_t &value,
                      std::optional<int64_t> defaultValue = std::nullopt);
  ParseResult floatAttr(StringRef name, float &value,
                        std::optional<float> defaultValue = std::nullopt);
  ParseResult stringAttr(StringRef name, std::string &value,
                         std::optional<StringRef> defaultValue = std::nullopt);
  ParseResult
  intsAttr(StringRef name, SmallVectorImpl<int64_t> &values,
           std::optional<ArrayRef<int64_t>> defaultValue = std::nullopt);
  ParseResult
  floatsAttr(StringRef name, SmallVectorImpl<float> &values,
             std::optional<ArrayRef<float>> defaultValue = std::nullopt);
  ParseResult tensorAttr(StringRef name, DenseElementsAttr &value);

  //===--------------------------------------------------------------------===//
  // Results
  //===--------------------------------------------------------------------===//

  unsigned getNumResults() const { return node.output_size(); }
  /// Binds output `index` to `value` (ignored when the output is unnamed).
  void setResult(unsigned index, Value value);
  LogicalResult setResults(ValueRange values);

  //===--------------------------------------------------------------------===//
  // Diagnostics
  //===--------------------------------------------------------------------===//

  InFlightDiagnostic emitError() { return mlir::emitError(loc); }
  /// Reports a form of the op QuantC does not support (an attribute value,
  /// a dynamic input), as opposed to an invalid model.
  LogicalResult unsupported(const Twine &what);

  //===--------------------------------------------------------------------===//
  // Building
  //===--------------------------------------------------------------------===//

  /// Creates an op at the node's location and folds it when its operands
  /// are constant, so that shape computations on constants fold at import.
  template <typename OpTy, typename... Args> Value create(Args &&...args) {
    return getBuilder().createOrFold<OpTy>(loc, std::forward<Args>(args)...);
  }

  /// An f32 constant of the given shape.
  Value floatConstant(ArrayRef<float> values, ArrayRef<int64_t> shape);
  /// qnt.transpose with the result type it implies.
  Value transpose(Value value, ArrayRef<int64_t> perm);
  /// qnt.reshape to `shape`, same element type.
  Value reshape(Value value, ArrayRef<int64_t> shape);
  /// NCHW <-> NHWC transposes for rank-4 values.
  Value toNHWC(Value value) { return transpose(value, {0, 2, 3, 1}); }
  Value fromNHWC(Value value) { return transpose(value, {0, 3, 1, 2}); }

private:
  const onnx::AttributeProto *findAttr(StringRef name) const;
  ParseResult attrTypeError(const onnx::AttributeProto &attr,
                            StringRef expected);

  GraphImporter &importer;
  const onnx::NodeProto &node;
  Location loc;
  int64_t opset;
};

/// The ranked tensor type of a value in the importer (always ranked).
inline RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// Normalizes an ONNX axis in [-rank, rank) to [0, rank); fails on others.
ParseResult normalizeAxis(OpBinder &b, int64_t &axis, int64_t rank,
                          StringRef what = "axis");

/// Normalizes a list of axes of a tensor of rank `rank`, rejecting
/// duplicates; `what` names the list in diagnostics.
ParseResult normalizeAxes(OpBinder &b, SmallVectorImpl<int64_t> &axes,
                          int64_t rank, StringRef what = "axes");

/// NumPy broadcast of two static shapes; fails with a located error.
ParseResult broadcastShapes(OpBinder &b, ArrayRef<int64_t> lhs,
                            ArrayRef<int64_t> rhs,
                            SmallVectorImpl<int64_t> &result);

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_OPBINDER_H
