//===- Importer.cpp - The importer's public API and translation -----------===//
//
// Entry points of the ONNX importer, and its registration as the
// `import-onnx` translation of quant-translate with its command-line
// options.
//
//===----------------------------------------------------------------------===//

#include "quantc/Import/ONNX/Importer.h"
#include "GraphImporter.h"
#include "ModelReader.h"
#include "OpRegistry.h"

#include "quantc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

OwningOpRef<ModuleOp> mlir::quantc::importONNX(llvm::MemoryBufferRef buffer,
                                               StringRef modelDir,
                                               StringRef modelName,
                                               MLIRContext *context,
                                               const ImportOptions &options) {
  context->loadDialect<QntDialect, func::FuncDialect>();
  onnx::ModelProto model;
  if (failed(readModel(buffer, FileLineColLoc::get(context, modelName, 0, 0),
                       model)))
    return {};
  return GraphImporter(context, model, modelDir, modelName, options).import();
}

OwningOpRef<ModuleOp>
mlir::quantc::importONNXFile(StringRef path, MLIRContext *context,
                             const ImportOptions &options) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot read the model: " << file.getError().message();
    return {};
  }
  StringRef dir = llvm::sys::path::parent_path(path);
  return importONNX((*file)->getMemBufferRef(), dir.empty() ? "." : dir,
                    llvm::sys::path::filename(path), context, options);
}

std::string mlir::quantc::parseInputShape(StringRef spec,
                                          ImportOptions &options) {
  auto [name, dims] = spec.rsplit('=');
  if (name.empty() || dims.empty() || !spec.contains('='))
    return ("--input-shape '" + spec + "' must be name=DxDx...").str();
  SmallVector<int64_t> shape;
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return ("--input-shape '" + spec + "': '" + part +
              "' is not a non-negative dimension")
          .str();
    shape.push_back(dim);
  }
  // A scalar is written "name=" + "" is rejected above; "name=1" is [1].
  options.inputShapes[name] = std::move(shape);
  return "";
}

std::string mlir::quantc::parseInputValue(StringRef spec,
                                          ImportOptions &options) {
  auto [name, path] = spec.split('=');
  if (name.empty() || path.empty())
    return ("--input-value '" + spec + "' must be name=tensor.pb").str();
  options.inputValues[name] = path.str();
  return "";
}

void mlir::quantc::printSupportedOps(llvm::raw_ostream &os) {
  const OpRegistry &registry = OpRegistry::get();
  std::vector<const OpRegistry::Entry *> entries = registry.entries();
  os << "| domain | op | opsets |\n| --- | --- | --- |\n";
  for (size_t i = 0; i < entries.size();) {
    const OpRegistry::Entry *first = entries[i];
    SmallVector<int64_t> versions;
    for (; i < entries.size() && entries[i]->domain == first->domain &&
           entries[i]->opType == first->opType;
         ++i)
      versions.push_back(entries[i]->sinceVersion);
    os << "| " << (first->domain.empty() ? "ai.onnx" : first->domain) << " | "
       << first->opType << " | " << versions.front() << "+";
    if (versions.size() > 1) {
      os << " (handlers from ";
      llvm::interleaveComma(versions, os);
      os << ")";
    }
    os << " |\n";
  }
}

/// The label of an importer location: a NameLoc's name, or a file name.
static std::string getLocationLabel(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  if (auto file = dyn_cast<FileLineColLoc>(loc)) {
    if (file.getLine() == 0)
      return file.getFilename().str();
    return llvm::formatv("{0}:{1}:{2}", file.getFilename(), file.getLine(),
                         file.getColumn())
        .str();
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << loc;
  return text;
}

static void printDiagnostic(llvm::raw_ostream &os, Diagnostic &diag) {
  StringRef severity = "error";
  if (diag.getSeverity() == DiagnosticSeverity::Warning)
    severity = "warning";
  else if (diag.getSeverity() == DiagnosticSeverity::Note)
    severity = "note";
  else if (diag.getSeverity() == DiagnosticSeverity::Remark)
    severity = "remark";
  os << getLocationLabel(diag.getLocation()) << ": " << severity << ": " << diag
     << "\n";
  for (Diagnostic &note : diag.getNotes())
    printDiagnostic(os, note);
}

ImportDiagnosticHandler::ImportDiagnosticHandler(MLIRContext *context,
                                                 llvm::raw_ostream &os)
    : ScopedDiagnosticHandler(context, [&os](Diagnostic &diag) {
        printDiagnostic(os, diag);
        return success();
      }) {}

namespace {
struct ImportCommandLine {
  llvm::cl::list<std::string> inputShapes{
      "input-shape",
      llvm::cl::desc("Static shape of a graph input: name=1x3x224x224 "
                     "(repeatable)"),
      llvm::cl::value_desc("name=DxD...")};
  llvm::cl::list<std::string> inputValues{
      "input-value",
      llvm::cl::desc("Bind a graph input to the constant in a serialized "
                     "TensorProto: name=tensor.pb (repeatable)"),
      llvm::cl::value_desc("name=file.pb")};
  llvm::cl::opt<int64_t> symbolicDimSize{
      "symbolic-dim-size",
      llvm::cl::desc("Size given to symbolic input dimensions that "
                     "--input-shape does not fix; 0 makes them an error"),
      llvm::cl::init(1)};
  llvm::cl::opt<std::string> entryName{
      "entry-name", llvm::cl::desc("Name of the imported function"),
      llvm::cl::init("main")};
};
} // namespace

static ImportCommandLine &getCommandLine() {
  static ImportCommandLine commandLine;
  return commandLine;
}

void mlir::quantc::registerImportONNXTranslation() {
  getCommandLine();
  TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model (.onnx or .onnxtext) into qnt",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        ImportDiagnosticHandler diagnostics(context, llvm::errs());
        ImportCommandLine &cl = getCommandLine();
        ImportOptions options;
        options.symbolicDimSize = cl.symbolicDimSize;
        options.entryName = cl.entryName;
        Location unknown = FileLineColLoc::get(context, "<command line>", 0, 0);
        for (const std::string &spec : cl.inputShapes) {
          std::string error = parseInputShape(spec, options);
          if (!error.empty()) {
            emitError(unknown) << error;
            return {};
          }
        }
        for (const std::string &spec : cl.inputValues) {
          std::string error = parseInputValue(spec, options);
          if (!error.empty()) {
            emitError(unknown) << error;
            return {};
          }
        }
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        StringRef path = buffer->getBufferIdentifier();
        StringRef dir = llvm::sys::path::parent_path(path);
        OwningOpRef<ModuleOp> module =
            importONNX(buffer->getMemBufferRef(), dir.empty() ? "." : dir,
                       llvm::sys::path::filename(path), context, options);
        return OwningOpRef<Operation *>(module.release());
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
