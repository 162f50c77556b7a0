//===- Emitter.cpp - LLVM dialect to native code --------------------------===//
//
// Implements Emitter.h with LLVM's TargetRegistry, PassBuilder, and
// ArchiveWriter.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Emitter.h"

#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ArchiveWriter.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"

using namespace mlir;
using namespace mlir::quantc;

static void initializeTargetsOnce() {
  static bool initialized = [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    return true;
  }();
  (void)initialized;
}

std::unique_ptr<llvm::TargetMachine>
mlir::quantc::createTargetMachine(const TargetOptions &options,
                                  std::string &error) {
  initializeTargetsOnce();
  bool host = options.triple.empty() || options.triple == "host";
  llvm::Triple triple(host ? llvm::sys::getDefaultTargetTriple()
                           : llvm::Triple::normalize(options.triple));
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;

  std::string cpu = options.cpu;
  std::string features = options.features;
  if (host && cpu.empty()) {
    cpu = llvm::sys::getHostCPUName().str();
    llvm::SubtargetFeatures hostFeatures;
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      hostFeatures.AddFeature(feature.getKey(), feature.getValue());
    if (!features.empty())
      hostFeatures.addFeaturesVector(llvm::SubtargetFeatures(features).getFeatures());
    features = hostFeatures.getString();
  } else if (cpu == "host") {
    cpu = llvm::sys::getHostCPUName().str();
  } else if (triple.isRISCV() && cpu.empty()) {
    // LLVM's generic RISC-V CPU has no extensions at all (soft float); the
    // platform baseline is RV64GC / RV32GC, as C compilers assume, and
    // --features adds to it.
    features = "+m,+a,+f,+d,+c,+zicsr,+zifencei" +
               (features.empty() ? "" : "," + features);
  }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(triple, "", ""));
  if (!cpu.empty() && subtarget && !subtarget->isCPUStringValid(cpu)) {
    error = "unknown CPU '" + cpu + "' for target " + triple.str();
    return nullptr;
  }
  // LLVM only warns about unknown features and ignores them; a typo in
  // --features must not silently produce code for another ISA.
  if (subtarget) {
    for (StringRef feature : llvm::split(options.features, ',')) {
      feature = feature.trim();
      if (feature.empty())
        continue;
      StringRef name = feature.drop_while([](char c) { return c == '+' || c == '-'; });
      if (name.size() + 1 != feature.size() ||
          llvm::none_of(subtarget->getAllProcessorFeatures(),
                        [&](const llvm::SubtargetFeatureKV &kv) {
                          return name == kv.Key;
                        })) {
        error = "unknown feature '" + feature.str() + "' for target " +
                triple.str() + " (features are +name or -name)";
        return nullptr;
      }
    }
  }

  llvm::TargetOptions targetOptions;
  // With the D extension, the hard-float ABI of the RISC-V Linux and
  // embedded toolchains, so that calls into libm pass floats in FP registers
  // and objects link with theirs (the last +d/-d wins, as in LLVM).
  if (triple.isRISCV()) {
    bool hasD = false;
    for (const std::string &feature :
         llvm::SubtargetFeatures(features).getFeatures())
      if (StringRef(feature).drop_front() == "d")
        hasD = feature[0] == '+';
    if (hasD)
      targetOptions.MCOptions.ABIName =
          triple.isRISCV64() ? "lp64d" : "ilp32d";
  }
  // Keep float semantics exact: no contraction into FMA, which would make
  // results differ between targets.
  targetOptions.AllowFPOpFusion = llvm::FPOpFusion::Strict;
  std::optional<llvm::Reloc::Model> reloc;
  if (triple.isOSLinux())
    reloc = llvm::Reloc::PIC_;
  llvm::CodeGenOptLevel level = options.optLevel >= 3   ? llvm::CodeGenOptLevel::Aggressive
                                : options.optLevel == 2 ? llvm::CodeGenOptLevel::Default
                                : options.optLevel == 1 ? llvm::CodeGenOptLevel::Less
                                                        : llvm::CodeGenOptLevel::None;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features, targetOptions, reloc, std::nullopt, level));
  if (!machine)
    error = "cannot create a target machine for " + triple.str();
  return machine;
}

std::unique_ptr<llvm::Module>
mlir::quantc::translateAndOptimize(ModuleOp module, llvm::LLVMContext &context,
                                   llvm::TargetMachine &machine,
                                   unsigned optLevel) {
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  module->getContext()->appendDialectRegistry(registry);

  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return nullptr;
  llvmModule->setTargetTriple(machine.getTargetTriple());
  llvmModule->setDataLayout(machine.createDataLayout());

  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel >= 3   ? llvm::OptimizationLevel::O3
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                                  : llvm::OptimizationLevel::O0;
  llvm::ModulePassManager passes =
      level == llvm::OptimizationLevel::O0
          ? builder.buildO0DefaultPipeline(level)
          : builder.buildPerModuleDefaultPipeline(level);
  passes.run(*llvmModule, mam);
  return llvmModule;
}

LogicalResult mlir::quantc::emitMachineCode(llvm::Module &module,
                                            llvm::TargetMachine &machine,
                                            bool assembly,
                                            SmallVectorImpl<char> &output,
                                            std::string &error) {
  llvm::raw_svector_ostream os(output);
  llvm::legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, os, nullptr,
                                  assembly ? llvm::CodeGenFileType::AssemblyFile
                                           : llvm::CodeGenFileType::ObjectFile)) {
    error = "the target cannot emit this file type";
    return failure();
  }
  passes.run(module);
  return success();
}

LogicalResult mlir::quantc::writeStaticArchive(StringRef path,
                                               StringRef memberName,
                                               StringRef objectBytes,
                                               std::string &error) {
  llvm::NewArchiveMember member(
      llvm::MemoryBufferRef(objectBytes, memberName));
  member.MemberName = memberName;
  if (llvm::Error err = llvm::writeArchive(
          path, {std::move(member)}, llvm::SymtabWritingMode::NormalSymtab,
          llvm::object::Archive::K_GNU, /*Deterministic=*/true,
          /*Thin=*/false)) {
    error = llvm::toString(std::move(err));
    return failure();
  }
  return success();
}

LogicalResult mlir::quantc::linkSharedLibrary(StringRef objectPath,
                                              StringRef outputPath,
                                              std::string &error) {
  llvm::ErrorOr<std::string> lld = llvm::sys::findProgramByName(
      "ld.lld", {"/usr/lib/llvm-22/bin"});
  if (!lld)
    lld = llvm::sys::findProgramByName("ld.lld");
  if (!lld) {
    error = "ld.lld not found (install lld-22)";
    return failure();
  }
  SmallVector<StringRef> args = {*lld, "-shared", "--build-id=none", "-o",
                                 outputPath, objectPath};
  std::string message;
  int code = llvm::sys::ExecuteAndWait(*lld, args, std::nullopt, {}, 0, 0,
                                       &message);
  if (code != 0) {
    error = "ld.lld failed" + (message.empty() ? "" : ": " + message);
    return failure();
  }
  return success();
}
