//===- QntElementwiseOps.cpp - Verifiers and folders of the elementwise ops
//-------===//
//
// The ops declared in QntElementwiseOps.td.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;
