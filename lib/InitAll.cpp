//===- InitAll.cpp - Registration of everything QuantC provides -----------===//
//
// Dialects and passes QuantC's tools register, in one place. Code
// generation goes through most of upstream MLIR (linalg, bufferization,
// the LLVM conversions), so the upstream registrations come along: every
// stage `quantc` runs can be replayed and bisected with `quant-opt`.
//
//===----------------------------------------------------------------------===//

#include "quantc/InitAll.h"
#include "quantc/Codegen/Passes.h"
#include "quantc/Codegen/Pipelines.h"
#include "quantc/Conversion/Passes.h"
#include "quantc/Dialect/Qnt/IR/QntDialect.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"
#include "quantc/Dialect/Qnt/Transforms/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"

void mlir::quantc::registerAllDialects(DialectRegistry &registry) {
  registry.insert<QntDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void mlir::quantc::registerAllPasses() {
  mlir::registerAllPasses();
  registerQntPasses();
  registerQntPipelines();
  registerQuantCConversionPasses();
  registerQuantCCodegenPasses();
  registerCodegenPipelines();
}
