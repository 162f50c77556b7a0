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

/// Options of the `qnt-quantize` pipeline (see the passes it runs).
struct QntQuantizeOptions : public PassPipelineOptions<QntQuantizeOptions> {
  Option<std::string> stats{
      *this, "stats",
      llvm::cl::desc("Calibration statistics (JSON) from `quantc calibrate`; "
                     "without them only QDQ already in the model is used")};
  Option<std::string> activationType{
      *this, "activation-type",
      llvm::cl::desc("Activation storage: u8 or s8"), llvm::cl::init("u8")};
  Option<bool> symmetricActivations{
      *this, "symmetric-activations",
      llvm::cl::desc("Zero point 0 for activations"), llvm::cl::init(false)};
  Option<std::string> weightGranularity{
      *this, "weight-granularity",
      llvm::cl::desc("Weight scales: per-channel or per-tensor"),
      llvm::cl::init("per-channel")};
  Option<std::string> weightRounding{
      *this, "weight-rounding",
      llvm::cl::desc("Rounding of convolution weights: kernel-sum or nearest"),
      llvm::cl::init("kernel-sum")};
  Option<bool> narrowOutputs{
      *this, "narrow-outputs",
      llvm::cl::desc("Quantize graph outputs to 8 bits like every other "
                     "activation"),
      llvm::cl::init(false)};
};

/// qnt-insert-qdq (with statistics), qnt-quantize-ops, qnt-fold-scales,
/// qnt-fuse-requant, and the simplification after each: from a float or
/// QDQ model to integer ops on `!quant.uniform` tensors.
void buildQntQuantizePipeline(OpPassManager &pm,
                              const QntQuantizeOptions &options);

/// Registers every named pipeline on `qnt` IR with the pass registry.
void registerQntPipelines();

} // namespace mlir::quantc

#endif // QUANTC_DIALECT_QNT_TRANSFORMS_PIPELINES_H
