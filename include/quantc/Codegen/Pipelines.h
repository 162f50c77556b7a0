//===- Pipelines.h - Pipelines from qnt IR to the LLVM dialect --*- C++ -*-===//
//
// The named stages of code generation, shared by `quant-opt` (through
// registerCodegenPipelines) and the `quantc` driver:
//
//   qnt-lower-to-linalg   qnt ops -> linalg/tensor/arith/math on builtin types
//   qnt-lower-to-buffers  one-shot bufferization, results as out-params,
//                         every allocation placed in the caller's workspace
//   qnt-lower-to-llvm     loops, then the LLVM dialect with the bare-pointer
//                         calling convention (plain C signatures)
//   qnt-codegen           the three in order
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CODEGEN_PIPELINES_H
#define QUANTC_CODEGEN_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::quantc {

/// Options of the linalg stage.
struct LowerToLinalgOptions : public PassPipelineOptions<LowerToLinalgOptions> {
  Option<std::string> requant{
      *this, "requant",
      llvm::cl::desc("The requantization contract of integer accumulators: "
                     "float or fixed (docs/Numerics.md)"),
      llvm::cl::init("float")};
};

/// Options of the buffer and LLVM stages.
struct CodegenOptions : public PassPipelineOptions<CodegenOptions> {
  Option<unsigned> indexBitwidth{
      *this, "index-bitwidth",
      llvm::cl::desc("Width of `index` in the LLVM dialect: the target's "
                     "pointer width"),
      llvm::cl::init(64)};
  Option<int64_t> alignment{
      *this, "alignment",
      llvm::cl::desc("Byte alignment of buffers in the workspace"),
      llvm::cl::init(64)};
};

/// Options of qnt-codegen: those of every stage.
struct CodegenPipelineOptions
    : public PassPipelineOptions<CodegenPipelineOptions> {
  Option<std::string> requant{
      *this, "requant",
      llvm::cl::desc("The requantization contract of integer accumulators: "
                     "float or fixed (docs/Numerics.md)"),
      llvm::cl::init("float")};
  Option<unsigned> indexBitwidth{
      *this, "index-bitwidth",
      llvm::cl::desc("Width of `index` in the LLVM dialect: the target's "
                     "pointer width"),
      llvm::cl::init(64)};
  Option<int64_t> alignment{
      *this, "alignment",
      llvm::cl::desc("Byte alignment of buffers in the workspace"),
      llvm::cl::init(64)};
};

void buildLowerToLinalgPipeline(OpPassManager &pm, StringRef requant = "float");
void buildLowerToBuffersPipeline(OpPassManager &pm,
                                 const CodegenOptions &options);
void buildLowerToLLVMPipeline(OpPassManager &pm,
                              const CodegenOptions &options);
void buildCodegenPipeline(OpPassManager &pm,
                          const CodegenPipelineOptions &options);

/// Registers the pipelines above with the pass registry.
void registerCodegenPipelines();

} // namespace mlir::quantc

#endif // QUANTC_CODEGEN_PIPELINES_H
