//===- FuseRequant.cpp ---------------------------------------------------------===//
//
// Implements qnt-fuse-requant: activations and requantization into producers.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntOps.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTFUSEREQUANT
#include "quantc/Dialect/Qnt/Transforms/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {
struct QntFuseRequantPass : mlir::quantc::impl::QntFuseRequantBase<QntFuseRequantPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
