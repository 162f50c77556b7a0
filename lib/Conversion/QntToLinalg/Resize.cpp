//===- Resize.cpp - Lowering of qnt.resize to linalg -------------------===//
//
// qnt.resize: nearest and linear (with antialias) interpolation.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::populateResizeLoweringPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {}
