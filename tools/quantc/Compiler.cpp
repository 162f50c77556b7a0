//===- Compiler.cpp - The stages of `quantc compile` ----------------------===//
//
// Implements Compiler.h with the named pipelines of quant-opt, so every
// stage here can be replayed with `quant-opt --<pipeline>`.
//
//===----------------------------------------------------------------------===//

#include "Compiler.h"

#include "quantc/Codegen/Passes.h"
#include "quantc/Codegen/Pipelines.h"
#include "quantc/Dialect/Qnt/Transforms/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::quantc;

std::string mlir::quantc::defaultModelName(StringRef modelPath) {
  StringRef stem = llvm::sys::path::stem(modelPath);
  std::string name;
  for (char c : stem)
    name += llvm::isAlnum(c) ? llvm::toLower(c) : '_';
  if (name.empty() || llvm::isDigit(name.front()))
    name = "model_" + name;
  return name;
}

static void printModule(ModuleOp module, SmallVectorImpl<char> &output) {
  llvm::raw_svector_ostream os(output);
  module.print(os);
}

static LogicalResult runPipeline(ModuleOp module,
                                 function_ref<void(OpPassManager &)> build) {
  PassManager pm(module->getContext());
  if (failed(applyPassManagerCLOptions(pm)))
    return failure();
  build(pm);
  return pm.run(module);
}

/// Adds `size_t <name>_workspace_size(void)` returning the size the
/// workspace planner recorded on the entry function.
static void addWorkspaceSizeQuery(ModuleOp module, func::FuncOp entry,
                                  StringRef name, int64_t size) {
  OpBuilder b(module.getBodyRegion());
  b.setInsertionPointToEnd(module.getBody());
  Location loc = entry.getLoc();
  auto query = func::FuncOp::create(
      b, loc, (name + "_workspace_size").str(),
      b.getFunctionType({}, {b.getIndexType()}));
  Block *body = query.addEntryBlock();
  b.setInsertionPointToStart(body);
  Value value = arith::ConstantIndexOp::create(b, loc, size);
  func::ReturnOp::create(b, loc, value);
}

/// Argument attributes of other dialects (onnx.name, qnt.workspace) have
/// served their purpose once the header is written; LLVM IR translation
/// would warn about each.
static void dropNonLLVMArgAttrs(ModuleOp module) {
  module.walk([](LLVM::LLVMFuncOp func) {
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
      SmallVector<NamedAttribute> kept;
      if (DictionaryAttr attrs = func.getArgAttrDict(i))
        for (NamedAttribute attr : attrs)
          if (attr.getName().strref().starts_with("llvm."))
            kept.push_back(attr);
      func.setArgAttrs(i, kept);
    }
    for (unsigned i = 0, e = func.getNumResults(); i < e; ++i)
      func.setResultAttrs(i, ArrayRef<NamedAttribute>());
  });
}

LogicalResult mlir::quantc::compileModel(MLIRContext &context,
                                         const CompileOptions &options,
                                         CompileResult &result) {
  Location loc = FileLineColLoc::get(&context, options.modelPath, 0, 0);
  if (!isCIdentifier(options.name))
    return emitError(loc) << "--name '" << options.name
                          << "' is not a C identifier";

  std::string error;
  std::unique_ptr<llvm::TargetMachine> machine;
  if (options.emit >= Stage::LLVMIR) {
    machine = createTargetMachine(options.target, error);
    if (!machine)
      return emitError(loc) << "target: " << error;
  }

  ImportOptions importOptions = options.import;
  std::string entryName = options.name + "_run";
  importOptions.entryName = entryName;
  OwningOpRef<ModuleOp> module =
      importONNXFile(options.modelPath, &context, importOptions);
  if (!module)
    return failure();
  if (options.emit == Stage::Qnt) {
    printModule(*module, result.output);
    return success();
  }

  if (failed(runPipeline(*module, [&](OpPassManager &pm) {
        buildQntSimplifyPipeline(pm, QntSimplifyOptions());
        QntQuantizeOptions quantize;
        quantize.stats = options.calibration;
        quantize.activationType = options.activationType;
        quantize.symmetricActivations = options.symmetricActivations;
        quantize.weightGranularity = options.weightGranularity;
        quantize.narrowOutputs = options.narrowOutputs;
        quantize.weightRounding = options.weightRounding;
        buildQntQuantizePipeline(pm, quantize);
        buildQntSimplifyPipeline(pm, QntSimplifyOptions());
      })))
    return failure();
  if (options.emit == Stage::Quantized) {
    printModule(*module, result.output);
    return success();
  }

  auto entry = module->lookupSymbol<func::FuncOp>(entryName);
  if (!entry)
    return emitError(loc) << "the imported module has no function @"
                          << entryName;
  FailureOr<ModelInterface> interface = getModelInterface(entry, options.name);
  if (failed(interface))
    return failure();
  result.interface = std::move(*interface);
  result.interface.modelFile = llvm::sys::path::filename(options.modelPath);

  if (failed(runPipeline(*module, [&](OpPassManager &pm) {
        buildLowerToLinalgPipeline(pm, options.requant);
      })))
    return failure();
  if (options.emit == Stage::Linalg) {
    printModule(*module, result.output);
    return success();
  }

  CodegenOptions codegen;
  codegen.indexBitwidth = machine->getPointerSizeInBits(0);
  if (failed(runPipeline(*module, [&](OpPassManager &pm) {
        buildLowerToBuffersPipeline(pm, codegen);
      })))
    return failure();
  entry = module->lookupSymbol<func::FuncOp>(entryName);
  auto size = entry->getAttrOfType<IntegerAttr>(kWorkspaceSizeAttr);
  result.interface.workspaceSize = size ? size.getInt() : 0;
  result.interface.workspaceAlignment = codegen.alignment;
  addWorkspaceSizeQuery(*module, entry, options.name,
                        result.interface.workspaceSize);
  // The ABI forbids overlapping buffers: tell LLVM, so it vectorizes without
  // run-time alias checks.
  for (unsigned i = 0, e = entry.getNumArguments(); i < e; ++i)
    entry.setArgAttr(i, "llvm.noalias", UnitAttr::get(&context));
  if (failed(runPipeline(*module, [&](OpPassManager &pm) {
        buildLowerToLLVMPipeline(pm, codegen);
      })))
    return failure();

  dropNonLLVMArgAttrs(*module);

  const llvm::Triple &triple = machine->getTargetTriple();
  result.interface.triple = triple.str();
  result.interface.cpu = machine->getTargetCPU().str();
  result.interface.features = machine->getTargetFeatureString().str();

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateAndOptimize(
      *module, llvmContext, *machine, options.target.optLevel);
  if (!llvmModule)
    return emitError(loc) << "translation to LLVM IR failed";
  // The object names no build path: the same model compiles to the same
  // bytes wherever it lives.
  llvmModule->setModuleIdentifier(options.name);
  llvmModule->setSourceFileName(options.name);
  if (options.emit == Stage::LLVMIR) {
    llvm::raw_svector_ostream os(result.output);
    llvmModule->print(os, nullptr);
    return success();
  }
  if (failed(emitMachineCode(*llvmModule, *machine,
                             options.emit == Stage::Asm, result.output,
                             error)))
    return emitError(loc) << error;
  return success();
}
