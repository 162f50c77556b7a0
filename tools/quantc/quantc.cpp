//===- quantc.cpp - QuantC's user driver ----------------------------------===//
//
//   quantc compile model.onnx -o model.o [--target=...] [--emit=...]
//   quantc run model.onnx --inputs DIR [--expect DIR] [--target=...]
//   quantc calibrate model.onnx --data DIR -o stats.json [--method=...]
//
// The command word comes first; every other argument is an option of
// LLVM's command line library, including MLIR's pass-manager options
// (--mlir-print-ir-after-all, --mlir-timing) for debugging the pipeline.
//
//===----------------------------------------------------------------------===//

#include "Calibrate.h"
#include "Compiler.h"
#include "Runner.h"

#include "quantc/Codegen/Emitter.h"
#include "quantc/InitAll.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/ScopeExit.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::quantc;
namespace cl = llvm::cl;

static cl::OptionCategory modelCategory("Model options");
static cl::OptionCategory targetCategory("Target options");
static cl::OptionCategory compileCategory("quantc compile options");
static cl::OptionCategory runCategory("quantc run options");

static cl::opt<std::string> modelPath(cl::Positional, cl::desc("<model.onnx>"),
                                      cl::Required, cl::cat(modelCategory));
static cl::list<std::string>
    inputShapes("input-shape",
                cl::desc("Static shape of a graph input: name=1x3x224x224"),
                cl::value_desc("name=DxD..."), cl::cat(modelCategory));
static cl::list<std::string>
    inputValues("input-value",
                cl::desc("Bind a graph input to the constant in a "
                         "TensorProto file: name=tensor.pb"),
                cl::value_desc("name=file.pb"), cl::cat(modelCategory));
static cl::opt<int64_t> symbolicDimSize(
    "symbolic-dim-size",
    cl::desc("Size of symbolic input dimensions --input-shape does not fix "
             "(0: an error)"),
    cl::init(1), cl::cat(modelCategory));
static cl::opt<std::string>
    modelName("name",
              cl::desc("C identifier prefixing the model's symbols "
                       "(<name>_run); default: the model file's stem"),
              cl::cat(modelCategory));

static cl::OptionCategory quantCategory("Quantization options");
static cl::opt<std::string> calibration(
    "calibration",
    cl::desc("Quantize the float model with these statistics "
             "(from `quantc calibrate`)"),
    cl::value_desc("stats.json"), cl::cat(quantCategory));
static cl::opt<std::string>
    activationType("activation-type",
                   cl::desc("Activation storage when quantizing: u8 or s8"),
                   cl::init("u8"), cl::cat(quantCategory));
static cl::opt<bool> symmetricActivations(
    "symmetric-activations",
    cl::desc("Zero point 0 for activations when quantizing"),
    cl::cat(quantCategory));
static cl::opt<std::string> weightGranularity(
    "weight-granularity",
    cl::desc("Weight scales when quantizing: per-channel or per-tensor"),
    cl::init("per-channel"), cl::cat(quantCategory));
static cl::opt<std::string> weightRounding(
    "weight-rounding",
    cl::desc("Rounding of convolution weights when quantizing: kernel-sum "
             "(default: each kernel's sum stays within half a step) or "
             "nearest"),
    cl::init("kernel-sum"), cl::cat(quantCategory));
static cl::opt<bool> narrowOutputs(
    "narrow-outputs",
    cl::desc("Quantize graph outputs to 8 bits like every other activation "
             "(default: a convolution or matrix product yielding a graph "
             "output keeps its 32-bit accumulator)"),
    cl::cat(quantCategory));
static cl::opt<std::string> requantMode(
    "requant",
    cl::desc("Requantization of integer accumulators: float (f32 multiplier, "
             "default) or fixed (integer multiplier and rounding shift); "
             "see docs/Numerics.md"),
    cl::init("float"), cl::cat(quantCategory));

static cl::opt<std::string>
    targetTriple("target",
                 cl::desc("Target triple: host (default), x86_64-linux-gnu, "
                          "aarch64-linux-gnu, riscv64-linux-gnu, *-elf, ..."),
                 cl::init("host"), cl::cat(targetCategory));
static cl::opt<std::string>
    targetCPU("cpu", cl::desc("Target CPU (default: the host's for --target=host, "
                              "else generic)"),
              cl::cat(targetCategory));
static cl::opt<std::string>
    targetFeatures("features",
                   cl::desc("Target features, e.g. +avx512vnni or "
                            "+dotprod,+i8mm or +v"),
                   cl::cat(targetCategory));
static cl::opt<unsigned> optLevel("O", cl::desc("LLVM optimization level 0-3"),
                                  cl::init(3), cl::Prefix,
                                  cl::cat(targetCategory));

static cl::opt<std::string> outputPath("o", cl::desc("Output file"),
                                       cl::value_desc("path"),
                                       cl::cat(compileCategory));
static cl::opt<Stage> emitStage(
    "emit", cl::desc("The stage to write (default obj)"), cl::init(Stage::Obj),
    cl::values(clEnumValN(Stage::Qnt, "qnt", "qnt IR as imported"),
               clEnumValN(Stage::Quantized, "quantized",
                          "qnt IR after the graph-level passes"),
               clEnumValN(Stage::Linalg, "linalg", "linalg on tensors"),
               clEnumValN(Stage::LLVMIR, "llvm-ir", "optimized LLVM IR"),
               clEnumValN(Stage::Asm, "asm", "assembly"),
               clEnumValN(Stage::Obj, "obj", "object file and C header")),
    cl::cat(compileCategory));
static cl::opt<std::string>
    headerPath("header",
               cl::desc("Where to write the C header (default: the output "
                        "with extension .h)"),
               cl::cat(compileCategory));
static cl::opt<bool> emitShared("shared",
                                cl::desc("Write a shared library to -o"),
                                cl::cat(compileCategory));
static cl::opt<bool> emitArchive("archive",
                                 cl::desc("Write a static archive to -o"),
                                 cl::cat(compileCategory));

static cl::opt<std::string> inputsDir("inputs",
                                      cl::desc("Folder of input tensors (.pb)"),
                                      cl::cat(runCategory));
static cl::opt<std::string>
    outputsDir("outputs", cl::desc("Folder to write output_<i>.pb to"),
               cl::cat(runCategory));
static cl::opt<std::string>
    expectDir("expect",
              cl::desc("Folder of expected outputs (output_<i>.pb) to compare "
                       "with"),
              cl::cat(runCategory));
static cl::opt<double> relTolerance("rtol", cl::desc("Relative tolerance for floats"),
                            cl::init(1e-4), cl::cat(runCategory));
static cl::opt<double> absTolerance("atol", cl::desc("Absolute tolerance for floats"),
                            cl::init(1e-5), cl::cat(runCategory));
static cl::opt<std::string>
    qemuCpu("qemu-cpu",
            cl::desc("qemu -cpu for cross targets (default: max on AArch64, "
                     "rv64,v=true,vlen=128 on RISC-V)"),
            cl::cat(runCategory));
static cl::opt<std::string>
    workDir("work-dir", cl::desc("Keep the runner's files in this folder"),
            cl::cat(runCategory));
static cl::opt<unsigned> timeout("timeout",
                                 cl::desc("Seconds the model may run"),
                                 cl::init(600), cl::cat(runCategory));

static const char *const usage =
    "QuantC: compiles ONNX models to native code with a C interface\n\n"
    "  quantc compile model.onnx -o model.o [options]\n"
    "  quantc run model.onnx --inputs DIR [--expect DIR] [options]\n"
    "  quantc calibrate model.onnx --data DIR -o stats.json [options]\n";

static bool buildCompileOptions(MLIRContext &context, CompileOptions &options) {
  Location loc = FileLineColLoc::get(&context, "<command line>", 0, 0);
  options.modelPath = modelPath;
  options.import.symbolicDimSize = symbolicDimSize;
  for (const std::string &spec : inputShapes) {
    std::string error = parseInputShape(spec, options.import);
    if (!error.empty())
      return emitError(loc) << error, false;
  }
  for (const std::string &spec : inputValues) {
    std::string error = parseInputValue(spec, options.import);
    if (!error.empty())
      return emitError(loc) << error, false;
  }
  options.name = modelName.empty() ? defaultModelName(modelPath) : modelName;
  options.calibration = calibration;
  options.import.recordONNXNames = !calibration.empty();
  options.activationType = activationType;
  options.symmetricActivations = symmetricActivations;
  options.weightGranularity = weightGranularity;
  options.narrowOutputs = narrowOutputs;
  options.weightRounding = weightRounding;
  if (weightRounding != "kernel-sum" && weightRounding != "nearest")
    return emitError(loc) << "--weight-rounding must be kernel-sum or nearest",
           false;
  options.requant = requantMode;
  if (requantMode != "float" && requantMode != "fixed")
    return emitError(loc) << "--requant must be float or fixed", false;
  if (activationType != "u8" && activationType != "s8")
    return emitError(loc) << "--activation-type must be u8 or s8", false;
  if (weightGranularity != "per-channel" && weightGranularity != "per-tensor")
    return emitError(loc)
               << "--weight-granularity must be per-channel or per-tensor",
           false;
  options.target.triple = targetTriple;
  options.target.cpu = targetCPU;
  options.target.features = targetFeatures;
  options.target.optLevel = optLevel;
  if (optLevel > 3)
    return emitError(loc) << "-O must be 0 to 3", false;
  return true;
}

static LogicalResult writeOutput(StringRef path, ArrayRef<char> bytes,
                                 Location loc) {
  std::string error;
  auto file = openOutputFile(path, &error);
  if (!file)
    return emitError(loc) << error;
  file->os().write(bytes.data(), bytes.size());
  file->keep();
  return success();
}

static int compileCommand(MLIRContext &context) {
  Location loc = FileLineColLoc::get(&context, "<command line>", 0, 0);
  CompileOptions options;
  if (!buildCompileOptions(context, options))
    return 1;
  options.emit = emitStage;
  if ((emitShared || emitArchive) && emitStage != Stage::Obj)
    return emitError(loc) << "--shared and --archive need --emit=obj", 1;
  if (emitShared && emitArchive)
    return emitError(loc) << "choose one of --shared and --archive", 1;
  std::string output = outputPath;
  if (output.empty())
    output = emitStage == Stage::Obj ? options.name + (emitShared ? ".so" : emitArchive ? ".a" : ".o")
                                     : "-";
  CompileResult result;
  if (failed(compileModel(context, options, result)))
    return 1;
  if (emitStage != Stage::Obj)
    return failed(writeOutput(output, result.output, loc)) ? 1 : 0;

  std::string error;
  if (emitArchive) {
    if (failed(writeStaticArchive(output, options.name + ".o",
                                  StringRef(result.output.data(),
                                            result.output.size()),
                                  error)))
      return emitError(loc) << error, 1;
  } else if (emitShared) {
    SmallString<128> object;
    if (llvm::sys::fs::createTemporaryFile(options.name, "o", object))
      return emitError(loc) << "cannot create a temporary file", 1;
    auto removeObject =
        llvm::scope_exit([&] { llvm::sys::fs::remove(object); });
    if (failed(writeOutput(object, result.output, loc)) ||
        failed(linkSharedLibrary(object, output, error)))
      return (error.empty() ? void() : (void)(emitError(loc) << error)), 1;
  } else if (failed(writeOutput(output, result.output, loc))) {
    return 1;
  }

  SmallString<128> header(headerPath);
  if (header.empty()) {
    header = output;
    llvm::sys::path::replace_extension(header, "h");
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  writeCHeader(result.interface, os);
  return failed(writeOutput(header, ArrayRef<char>(text.data(), text.size()),
                            loc))
             ? 1
             : 0;
}

static int runCommand(MLIRContext &context) {
  RunOptions options;
  if (!buildCompileOptions(context, options.compile))
    return 1;
  options.inputsDir = inputsDir;
  options.outputsDir = outputsDir;
  options.expectDir = expectDir;
  options.rtol = relTolerance;
  options.atol = absTolerance;
  options.qemuCpu = qemuCpu;
  options.workDir = workDir;
  options.timeoutSeconds = timeout;
  return runModel(context, options);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerPassManagerCLOptions();
  registerMLIRContextCLOptions();
  registerAsmPrinterCLOptions();
  cl::HideUnrelatedOptions({&modelCategory, &quantCategory, &targetCategory,
                            &compileCategory, &runCategory,
                            &getCalibrateCategory()});

  StringRef command = argc > 1 ? StringRef(argv[1]) : StringRef();
  if (command != "compile" && command != "run" && command != "calibrate") {
    if (command == "--help" || command == "-h" || command == "help") {
      std::vector<char *> helpArgs = {argv[0], const_cast<char *>("--help")};
      cl::ParseCommandLineOptions(2, helpArgs.data(), usage);
      return 0;
    }
    llvm::errs() << usage << "\nquantc: expected a command, 'compile' or "
                 << "'run'" << (command.empty() ? "" : ", not '" + command.str() + "'")
                 << "\n";
    return 1;
  }
  std::vector<char *> args = {argv[0]};
  args.insert(args.end(), argv + 2, argv + argc);
  std::string overview = (usage + ("\nquantc " + command + ":\n")).str();
  if (!cl::ParseCommandLineOptions(args.size(), args.data(), overview,
                                   &llvm::errs()))
    return 1;

  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  ImportDiagnosticHandler diagnostics(&context, llvm::errs());
  if (command == "calibrate") {
    CompileOptions options;
    if (!buildCompileOptions(context, options))
      return 1;
    return calibrateCommand(context, options, outputPath);
  }
  return command == "compile" ? compileCommand(context) : runCommand(context);
}
