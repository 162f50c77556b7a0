//===- Elementwise.cpp - Lowering of qnt ops to linalg ------------------------===//
//
// Float and integer elementwise ops, activations, cast and storage_cast.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateElementwiseLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
