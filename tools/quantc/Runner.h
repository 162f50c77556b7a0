//===- Runner.h - `quantc run`: compile, link, execute, compare -*- C++ -*-===//
//
// Runs a compiled model on ONNX test tensors: natively for the host, under
// qemu-user for AArch64 and RISC-V (statically linked with the cross gcc).
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_TOOLS_QUANTC_RUNNER_H
#define QUANTC_TOOLS_QUANTC_RUNNER_H

#include "Compiler.h"

namespace mlir::quantc {

struct RunOptions {
  CompileOptions compile;
  /// Folder of input tensors (.pb), matched to inputs by TensorProto name,
  /// else by position (input_<i>.pb).
  std::string inputsDir;
  /// Folder to write output_<i>.pb to, if set.
  std::string outputsDir;
  /// Folder of expected outputs to compare with, if set.
  std::string expectDir;
  double rtol = 1e-4;
  double atol = 1e-5;
  /// qemu's -cpu for cross targets; empty picks a default per architecture.
  std::string qemuCpu;
  /// Keep intermediate files here instead of a temporary folder.
  std::string workDir;
  unsigned timeoutSeconds = 600;
};

/// Returns 0 when the model ran (and matched the expected outputs), 1 on a
/// mismatch or error (reported through the context's diagnostics).
int runModel(MLIRContext &context, const RunOptions &options);

} // namespace mlir::quantc

#endif // QUANTC_TOOLS_QUANTC_RUNNER_H
