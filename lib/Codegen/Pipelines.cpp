//===- Pipelines.cpp - Pipelines from qnt IR to the LLVM dialect ----------===//
//
// Builds and registers the pipelines declared in Pipelines.h. Upstream
// passes are added by their textual pipeline names, which keeps each stage
// readable as the exact `mlir-opt` invocation it is.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Pipelines.h"
#include "quantc/Codegen/Passes.h"
#include "quantc/Conversion/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::quantc;

/// Appends a textual pipeline; a parse failure is a bug in this file (the
/// pipelines are tested), so it is fatal.
static void addPipeline(OpPassManager &pm, StringRef text) {
  if (failed(parsePassPipeline(text, pm, llvm::errs())))
    llvm::report_fatal_error(llvm::Twine("invalid built-in pipeline: ") + text);
}

void mlir::quantc::buildLowerToLinalgPipeline(OpPassManager &pm) {
  pm.addPass(createConvertQntToLinalg());
  addPipeline(pm, "func.func(canonicalize,cse)");
}

void mlir::quantc::buildLowerToBuffersPipeline(OpPassManager &pm,
                                               const CodegenOptions &options) {
  addPipeline(pm, "func.func(eliminate-empty-tensors),"
                  "one-shot-bufferize{bufferize-function-boundaries "
                  "function-boundary-type-conversion=identity-layout-map},"
                  "buffer-results-to-out-params{hoist-static-allocs "
                  "modify-public-functions},"
                  "func.func(canonicalize)");
  pm.addPass(createQntCopiesToLinalg());
  QntPlanWorkspaceOptions workspace;
  workspace.alignment = options.alignment;
  pm.addPass(createQntPlanWorkspace(workspace));
  addPipeline(pm, "func.func(canonicalize)");
}

void mlir::quantc::buildLowerToLLVMPipeline(OpPassManager &pm,
                                            const CodegenOptions &options) {
  unsigned bits = options.indexBitwidth;
  addPipeline(pm, "func.func(convert-linalg-to-loops),lower-affine,"
                  "convert-scf-to-cf,expand-strided-metadata,lower-affine");
  addPipeline(
      pm,
      llvm::formatv(
          "finalize-memref-to-llvm{{index-bitwidth={0}},"
          "convert-math-to-llvm,convert-math-to-libm,"
          "convert-arith-to-llvm{{index-bitwidth={0}},"
          "convert-index-to-llvm{{index-bitwidth={0}},"
          "convert-func-to-llvm{{use-bare-ptr-memref-call-conv "
          "index-bitwidth={0}},"
          "convert-cf-to-llvm{{index-bitwidth={0}},convert-ub-to-llvm,"
          "reconcile-unrealized-casts,canonicalize",
          bits)
          .str());
}

void mlir::quantc::buildCodegenPipeline(OpPassManager &pm,
                                        const CodegenOptions &options) {
  buildLowerToLinalgPipeline(pm);
  buildLowerToBuffersPipeline(pm, options);
  buildLowerToLLVMPipeline(pm, options);
}

void mlir::quantc::registerCodegenPipelines() {
  PassPipelineRegistration<>(
      "qnt-lower-to-linalg",
      "Lower qnt ops to linalg, tensor, arith and math on builtin types",
      buildLowerToLinalgPipeline);
  PassPipelineRegistration<CodegenOptions>(
      "qnt-lower-to-buffers",
      "Bufferize, return results through out-params and place every "
      "allocation in the workspace argument",
      buildLowerToBuffersPipeline);
  PassPipelineRegistration<CodegenOptions>(
      "qnt-lower-to-llvm",
      "Lower bufferized linalg to loops and the LLVM dialect with plain C "
      "signatures",
      buildLowerToLLVMPipeline);
  PassPipelineRegistration<CodegenOptions>(
      "qnt-codegen", "qnt-lower-to-linalg, qnt-lower-to-buffers and "
                     "qnt-lower-to-llvm in order",
      buildCodegenPipeline);
}
