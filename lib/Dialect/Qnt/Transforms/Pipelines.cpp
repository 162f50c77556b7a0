//===- Pipelines.cpp - Named pass pipelines on qnt IR ---------------------===//
//
// Builds and registers the pipelines declared in Pipelines.h.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/Transforms/Pipelines.h"
#include "quantc/Dialect/Qnt/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::buildQntSimplifyPipeline(OpPassManager &pm,
                                            const QntSimplifyOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createCanonicalizerPass());
  if (options.sinkTransposes) {
    funcPm.addPass(createQntSinkTransposes());
    funcPm.addPass(createCanonicalizerPass());
  }
  funcPm.addPass(createCSEPass());
}

void mlir::quantc::buildQntQuantizePipeline(
    OpPassManager &pm, const QntQuantizeOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  if (!options.stats.empty()) {
    QntInsertQDQOptions insert;
    insert.statsFile = options.stats;
    insert.activationType = options.activationType;
    insert.symmetricActivations = options.symmetricActivations;
    insert.weightGranularity = options.weightGranularity;
    insert.narrowOutputs = options.narrowOutputs;
    insert.weightRounding = options.weightRounding;
    funcPm.addPass(createQntInsertQDQ(insert));
  }
  funcPm.addPass(createQntQuantizeOps());
  funcPm.addPass(createQntFoldScales());
  funcPm.addPass(createQntFuseRequant());
  funcPm.addPass(createCanonicalizerPass());
  funcPm.addPass(createCSEPass());
}

void mlir::quantc::registerQntPipelines() {
  PassPipelineRegistration<QntSimplifyOptions>(
      "qnt-simplify",
      "Canonicalize, fold constants, sink transposes and CSE on qnt IR",
      buildQntSimplifyPipeline);
  PassPipelineRegistration<QntQuantizeOptions>(
      "qnt-quantize",
      "Quantize a float or QDQ model: insert QDQ from statistics, rebuild "
      "ops on quantized tensors, fold constants, fuse requantization",
      buildQntQuantizePipeline);
}
