//===- CopiesToLinalg.cpp - memref.copy as linalg.copy --------------------===//
//
// Implements qnt-copies-to-linalg.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Passes.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTCOPIESTOLINALG
#include "quantc/Codegen/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {
struct QntCopiesToLinalgPass
    : mlir::quantc::impl::QntCopiesToLinalgBase<QntCopiesToLinalgPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    getOperation()->walk([&](memref::CopyOp copy) {
      rewriter.setInsertionPoint(copy);
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(copy, copy.getSource(),
                                                  copy.getTarget());
    });
  }
};
} // namespace
