//===- QntShapeOps.cpp - Verifiers and folders of the shape ops -------===//
//
// The ops declared in QntShapeOps.td.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;
