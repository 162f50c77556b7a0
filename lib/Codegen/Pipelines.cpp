//===- Pipelines.cpp - Pipelines from qnt IR to the LLVM dialect ----------===//
//
// Builds and registers the pipelines declared in Pipelines.h. Comments give
// each upstream pass's flag, so a stage can be replayed with `quant-opt`.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Pipelines.h"
#include "quantc/Codegen/Passes.h"
#include "quantc/Conversion/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::quantc;

void mlir::quantc::buildLowerToLinalgPipeline(OpPassManager &pm,
                                              StringRef requant) {
  // convert-qnt-to-linalg{requant=...}
  ConvertQntToLinalgOptions conversion;
  conversion.requant = requant.str();
  pm.addPass(createConvertQntToLinalg(conversion));
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createCanonicalizerPass());
  funcPm.addPass(createCSEPass());
}

void mlir::quantc::buildLowerToBuffersPipeline(OpPassManager &pm,
                                               const CodegenOptions &options) {
  pm.nest<func::FuncOp>().addPass(createQntDistinctResults());
  // eliminate-empty-tensors
  pm.nest<func::FuncOp>().addPass(
      bufferization::createEmptyTensorEliminationPass());
  // one-shot-bufferize{bufferize-function-boundaries
  //   function-boundary-type-conversion=identity-layout-map}
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  bufferize.bufferAlignment = options.alignment;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // buffer-results-to-out-params{hoist-static-allocs modify-public-functions}:
  // outputs are written straight into the caller's buffers.
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  // CSE merges the identical subviews a producer writing into part of a
  // concat or pad result leaves behind; canonicalization then erases the
  // copy between them.
  pm.nest<func::FuncOp>().addPass(createCSEPass());
  pm.nest<func::FuncOp>().addPass(createCanonicalizerPass());
  pm.addPass(createQntCopiesToLinalg());
  QntPlanWorkspaceOptions workspace;
  workspace.alignment = options.alignment;
  pm.addPass(createQntPlanWorkspace(workspace));
  pm.nest<func::FuncOp>().addPass(createCanonicalizerPass());
}

void mlir::quantc::buildLowerToLLVMPipeline(OpPassManager &pm,
                                            const CodegenOptions &options) {
  unsigned bits = options.indexBitwidth;
  pm.addPass(createQntRetypeEmptyArguments());
  // convert-linalg-to-loops, lower-affine, convert-scf-to-cf,
  // expand-strided-metadata, lower-affine
  pm.nest<func::FuncOp>().addPass(createConvertLinalgToLoopsPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  // finalize-memref-to-llvm, convert-math-to-llvm, convert-math-to-libm,
  // convert-arith-to-llvm, convert-index-to-llvm,
  // convert-func-to-llvm{use-bare-ptr-memref-call-conv}, convert-cf-to-llvm,
  // convert-ub-to-llvm, reconcile-unrealized-casts, all with the target's
  // index-bitwidth. Bare pointers make the entry point a plain C function.
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.indexBitwidth = bits;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  ArithToLLVMConversionPassOptions arithOptions;
  arithOptions.indexBitwidth = bits;
  pm.addPass(createArithToLLVMConversionPass(arithOptions));
  ConvertIndexToLLVMPassOptions indexOptions;
  indexOptions.indexBitwidth = bits;
  pm.addPass(createConvertIndexToLLVMPass(indexOptions));
  ConvertFuncToLLVMPassOptions funcOptions;
  funcOptions.useBarePtrCallConv = true;
  funcOptions.indexBitwidth = bits;
  pm.addPass(createConvertFuncToLLVMPass(funcOptions));
  ConvertControlFlowToLLVMPassOptions cfOptions;
  cfOptions.indexBitwidth = bits;
  pm.addPass(createConvertControlFlowToLLVMPass(cfOptions));
  UBToLLVMConversionPassOptions ubOptions;
  ubOptions.indexBitwidth = bits;
  pm.addPass(createUBToLLVMConversionPass(ubOptions));
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void mlir::quantc::buildCodegenPipeline(OpPassManager &pm,
                                        const CodegenPipelineOptions &options) {
  CodegenOptions codegen;
  codegen.indexBitwidth = options.indexBitwidth;
  codegen.alignment = options.alignment;
  buildLowerToLinalgPipeline(pm, options.requant);
  buildLowerToBuffersPipeline(pm, codegen);
  buildLowerToLLVMPipeline(pm, codegen);
}

void mlir::quantc::registerCodegenPipelines() {
  PassPipelineRegistration<LowerToLinalgOptions>(
      "qnt-lower-to-linalg",
      "Lower qnt ops to linalg, tensor, arith and math on builtin types",
      [](OpPassManager &pm, const LowerToLinalgOptions &options) {
        buildLowerToLinalgPipeline(pm, options.requant);
      });
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
  PassPipelineRegistration<CodegenPipelineOptions>(
      "qnt-codegen",
      "qnt-lower-to-linalg, qnt-lower-to-buffers and "
      "qnt-lower-to-llvm in order",
      buildCodegenPipeline);
}
