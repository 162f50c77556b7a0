//===- QntNNOps.cpp - Verifiers and folders of the nn ops -------===//
//
// The ops declared in QntNNOps.td.
//
//===----------------------------------------------------------------------===//

#include "VerifierUtils.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::verifier;
