//===- Reductions.cpp - Lowering of qnt ops to linalg ------------------------===//
//
// Pools, reductions, softmax and log_softmax.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateReductionLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
