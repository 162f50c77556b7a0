//===- Pipelines.h - Named pass pipelines on qnt IR -------------*- C++ -*-===//
//
// Pipelines are an options struct plus a populate function, shared by
// `quant-opt` (through registerQntPipelines) and the `quantc` driver.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_TRANSFORMS_PIPELINES_H
#define QUANTC_DIALECT_QNT_TRANSFORMS_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::quantc {

/// Options of the `qnt-simplify` pipeline.
struct QntSimplifyOptions : public PassPipelineOptions<QntSimplifyOptions> {
  Option<bool> sinkTransposes{
      *this, "sink-transposes",
      llvm::cl::desc("Move transposes below layout-agnostic ops so that "
                     "NCHW/NHWC round trips cancel"),
      llvm::cl::init(true)};
};

/// Canonicalization, constant folding, transpose sinking and CSE: the clean
/// graph every later stage starts from.
void buildQntSimplifyPipeline(OpPassManager &pm,
                              const QntSimplifyOptions &options);

/// Registers every named pipeline on `qnt` IR with the pass registry.
void registerQntPipelines();

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_TRANSFORMS_PIPELINES_H
