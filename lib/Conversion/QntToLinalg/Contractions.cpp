//===- Contractions.cpp - Lowering of qnt ops to linalg ------------------------===//
//
// conv2d, conv_transpose2d, matmul, fully_connected and the integer forms.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateContractionLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
