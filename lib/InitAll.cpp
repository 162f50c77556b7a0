//===- InitAll.cpp - Registration of everything QuantC provides -----------===//
//
// Dialects and passes QuantC's tools register, in one place.
//
//===----------------------------------------------------------------------===//

#include "quantc/InitAll.h"
#include "quantc/Dialect/Qnt/IR/QntDialect.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"
#include "quantc/Dialect/Qnt/Transforms/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void mlir::quantc::registerAllDialects(DialectRegistry &registry) {
  registry.insert<QntDialect, quant::QuantDialect, func::FuncDialect,
                  arith::ArithDialect, tensor::TensorDialect>();
}

void mlir::quantc::registerAllPasses() {
  // Upstream passes our pipelines use, so quant-opt can run them alone.
  registerCanonicalizerPass();
  registerCSEPass();
  registerQntPasses();
  registerQntPipelines();
}
