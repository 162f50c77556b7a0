//===- QntOps.h - Ops of the qnt dialect ------------------------*- C++ -*-===//
//
// Declares the ops generated from QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTOPS_H
#define QUANTC_DIALECT_QNT_IR_QNTOPS_H

#include "quantc/Dialect/Qnt/IR/QntDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "quantc/Dialect/Qnt/IR/QntOps.h.inc"

namespace mlir::quantc {
/// The value of an optional f32 attribute as a float.
inline std::optional<float> asFloat(std::optional<llvm::APFloat> value) {
  if (!value)
    return std::nullopt;
  return value->convertToFloat();
}
} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_IR_QNTOPS_H
