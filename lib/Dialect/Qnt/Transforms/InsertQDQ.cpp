//===- InsertQDQ.cpp ---------------------------------------------------------===//
//
// Implements qnt-insert-qdq: quantize/dequantize pairs from calibration statistics.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTINSERTQDQ
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {
struct QntInsertQDQPass : mlir::quantc::impl::QntInsertQDQBase<QntInsertQDQPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
