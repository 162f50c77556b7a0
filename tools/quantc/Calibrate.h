//===- Calibrate.h - `quantc calibrate`: activation statistics --*- C++ -*-===//
//
// Runs the float model on sample inputs and records, for every float tensor
// that ops consume, its range and a histogram, and the range a calibration
// method chooses from them. The JSON it writes is what `quantc compile
// --calibration` (the qnt-insert-qdq pass) reads.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_TOOLS_QUANTC_CALIBRATE_H
#define QUANTC_TOOLS_QUANTC_CALIBRATE_H

#include "Compiler.h"

#include "llvm/Support/CommandLine.h"

namespace mlir::quantc {

/// The options of `quantc calibrate` (--data, --method, ...).
llvm::cl::OptionCategory &getCalibrateCategory();

/// Calibrates `compile.modelPath` (compiled for the host, float) and writes
/// the statistics to `outputPath` ("-": standard output). Returns the exit
/// code; errors are reported through the context's diagnostics.
int calibrateCommand(MLIRContext &context, const CompileOptions &compile,
                     StringRef outputPath);

} // namespace mlir::quantc

#endif // QUANTC_TOOLS_QUANTC_CALIBRATE_H
