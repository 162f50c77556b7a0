//===- Passes.h - Passes of the qnt dialect ---------------------*- C++ -*-===//
//
// Declares the passes generated from Passes.td and their registration.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_H
#define QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_H

#include "quantc/Dialect/Qnt/IR/QntDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"

#include "mlir/Pass/Pass.h"

namespace mlir::quantc {

#define GEN_PASS_DECL
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_H
