//===- QntDialect.h - The qnt dialect ---------------------------*- C++ -*-===//
//
// Declares the `qnt` dialect, its enumerated attributes and the trait that
// checks every quantized type an op touches.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTDIALECT_H
#define QUANTC_DIALECT_QNT_IR_QNTDIALECT_H

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"

#include "quantc/Dialect/Qnt/IR/QntEnums.h.inc"
#include "quantc/Dialect/Qnt/IR/QntOpsDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "quantc/Dialect/Qnt/IR/QntAttrs.h.inc"

namespace mlir::quantc {

/// Checks the quantized element type of `value` against its tensor: f32
/// expressed type, zero points inside the storage range, per-axis dimension
/// inside the rank with one scale per slice. `what` names the value in the
/// diagnostic emitted on `op`.
LogicalResult verifyQuantizedTensorType(Operation *op, Type type,
                                        StringRef what);

namespace OpTrait {
/// Runs verifyQuantizedTensorType on every operand and result of an op.
template <typename ConcreteType>
class QuantizedTypesAreValid
    : public mlir::OpTrait::TraitBase<ConcreteType, QuantizedTypesAreValid> {
public:
  static LogicalResult verifyTrait(Operation *op);
};

LogicalResult verifyQuantizedTypesAreValid(Operation *op);

template <typename ConcreteType>
LogicalResult QuantizedTypesAreValid<ConcreteType>::verifyTrait(Operation *op) {
  return verifyQuantizedTypesAreValid(op);
}
} // namespace OpTrait

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_IR_QNTDIALECT_H
