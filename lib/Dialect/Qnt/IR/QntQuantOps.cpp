//===- QntQuantOps.cpp - Verifiers and folders of the quant ops -------===//
//
// The ops declared in QntQuantOps.td.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;
