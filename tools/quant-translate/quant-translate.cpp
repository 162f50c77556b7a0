//===- quant-translate.cpp - QuantC's translation driver ------------------===//
//
// mlir-translate with QuantC's translations: `--import-onnx` turns an ONNX
// model (binary or text) into qnt IR.
//
//===----------------------------------------------------------------------===//

#include "quantc/Import/ONNX/Importer.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

static llvm::cl::opt<bool> listONNXOps(
    "list-onnx-ops",
    llvm::cl::desc("Print the table of ONNX ops the importer supports and "
                   "exit"),
    llvm::cl::callback([](const bool &) {
      mlir::quantc::printSupportedOps(llvm::outs());
      llvm::outs().flush();
      std::exit(0);
    }));

int main(int argc, char **argv) {
  mlir::quantc::registerImportONNXTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "QuantC translation driver\n"));
}
