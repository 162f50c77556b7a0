//===- QuantOps.cpp - Lowering of qnt ops to linalg ------------------------===//
//
// quantize, dequantize, requantize and their tensor-parameter and dynamic forms.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateQuantLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
