//===- quant-opt.cpp - QuantC's optimizer driver --------------------------===//
//
// mlir-opt with QuantC's dialects, passes and named pipelines: runs and
// debugs any stage of the compiler on textual IR.
//
//===----------------------------------------------------------------------===//

#include "quantc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::quantc::registerAllDialects(registry);
  mlir::quantc::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "QuantC optimizer driver\n", registry));
}
