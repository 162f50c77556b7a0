//===- Emitter.h - LLVM dialect to native code ------------------*- C++ -*-===//
//
// The last stage of `quantc compile`: an LLVM TargetMachine for any triple
// this LLVM was built with, LLVM's optimization pipeline for it, and object
// or assembly output; plus the packaging of an object as a static archive
// or a shared library.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CODEGEN_EMITTER_H
#define QUANTC_CODEGEN_EMITTER_H

#include "mlir/IR/BuiltinOps.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace mlir::quantc {

/// Where the code runs. `triple` "host" (or empty) means this machine's
/// triple, and then an empty `cpu` means this machine's CPU and features.
struct TargetOptions {
  std::string triple = "host";
  std::string cpu;
  std::string features;
  unsigned optLevel = 3;
};

/// Resolves `options` (host, default CPU) and creates the TargetMachine;
/// on failure returns null and sets `error`. Linux targets get
/// position-independent code, so the object also links into a shared
/// library.
std::unique_ptr<llvm::TargetMachine>
createTargetMachine(const TargetOptions &options, std::string &error);

/// Translates an LLVM-dialect module to LLVM IR for `machine` (its triple
/// and data layout) and runs LLVM's optimization pipeline at `optLevel`.
std::unique_ptr<llvm::Module> translateAndOptimize(ModuleOp module,
                                                   llvm::LLVMContext &context,
                                                   llvm::TargetMachine &machine,
                                                   unsigned optLevel);

/// Emits `module` as an object file (`assembly` false) or assembly text.
LogicalResult emitMachineCode(llvm::Module &module,
                              llvm::TargetMachine &machine, bool assembly,
                              SmallVectorImpl<char> &output,
                              std::string &error);

/// A deterministic static archive (zero timestamps and ids) holding one
/// object file.
LogicalResult writeStaticArchive(StringRef path, StringRef memberName,
                                 StringRef objectBytes, std::string &error);

/// Links an object file into a shared library with ld.lld.
LogicalResult linkSharedLibrary(StringRef objectPath, StringRef outputPath,
                                std::string &error);

} // namespace mlir::quantc

#endif // QUANTC_CODEGEN_EMITTER_H
