//===- DataMovement.cpp - Lowering of qnt ops to linalg ------------------------===//
//
// reshape, transpose, concat, pad, slice and gather.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateDataMovementLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
