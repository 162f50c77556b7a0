//===- Runner.cpp - `quantc run`: compile, link, execute, compare ---------===//
//
// Implements Runner.h. The model is linked with a generated C runner that
// moves raw bytes between files and the entry point; this file converts
// between ONNX tensors and those bytes and compares the outputs.
//
//===----------------------------------------------------------------------===//

#include "Runner.h"

#include "quantc/Import/ONNX/TensorFile.h"

#include "mlir/IR/Diagnostics.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <cmath>

using namespace mlir;
using namespace mlir::quantc;

namespace {

/// One element of a tensor as an exact integer or a double.
struct Element {
  bool isFloat = false;
  int64_t integer = 0;
  double real = 0;
};

/// Little-endian bytes of `value`'s elements, `elementBytes` each.
SmallVector<char> toBytes(DenseElementsAttr value, unsigned elementBytes) {
  SmallVector<char> bytes;
  auto append = [&](const APInt &bits) {
    for (unsigned i = 0; i < elementBytes; ++i)
      bytes.push_back(static_cast<char>(
          bits.getBitWidth() > i * 8
              ? bits.extractBitsAsZExtValue(
                    std::min(8u, bits.getBitWidth() - i * 8), i * 8)
              : (bits.isNegative() ? 0xff : 0)));
  };
  Type elementType = value.getElementType();
  if (isa<FloatType>(elementType)) {
    for (const APFloat &v : value.getValues<APFloat>())
      append(v.bitcastToAPInt());
  } else {
    for (const APInt &v : value.getValues<APInt>())
      append(v);
  }
  return bytes;
}

/// The semantics of the ONNX float types that travel as their bits in a
/// byte (low bits for FLOAT4E2M1); null for the others.
const llvm::fltSemantics *getBitsFloatSemantics(int32_t onnxDataType) {
  switch (onnxDataType) {
  case 17:
    return &APFloat::Float8E4M3FN();
  case 18:
    return &APFloat::Float8E4M3FNUZ();
  case 19:
    return &APFloat::Float8E5M2();
  case 20:
    return &APFloat::Float8E5M2FNUZ();
  case 23:
    return &APFloat::Float4E2M1FN();
  case 24:
    return &APFloat::Float8E8M0FNU();
  default:
    return nullptr;
  }
}

/// Whether a file of ONNX type `fileType` can feed an interface tensor of
/// `interfaceType`: the same type, or a 16- or 64-bit float for an f32
/// tensor (the importer computes those in f32; the file's values are read
/// as f32).
bool isAcceptedInputType(int32_t fileType, int32_t interfaceType) {
  if (fileType == interfaceType)
    return true;
  return interfaceType == 1 &&
         (fileType == 10 || fileType == 11 || fileType == 16);
}

/// The elements of `bytes` as described by `tensor`.
std::vector<Element> decode(ArrayRef<char> bytes,
                            const TensorInterface &tensor) {
  std::vector<Element> elements;
  unsigned size = tensor.elementBytes;
  bool isUnsigned = StringRef(tensor.cType).starts_with("u");
  for (size_t offset = 0; offset + size <= bytes.size(); offset += size) {
    uint64_t raw = 0;
    for (unsigned i = 0; i < size; ++i)
      raw |= uint64_t(uint8_t(bytes[offset + i])) << (8 * i);
    Element e;
    if (tensor.cType == "float") {
      float f;
      uint32_t bits = raw;
      memcpy(&f, &bits, 4);
      e.isFloat = true, e.real = f;
    } else if (tensor.cType == "double") {
      memcpy(&e.real, &raw, 8);
      e.isFloat = true;
    } else if (const llvm::fltSemantics *semantics =
                   getBitsFloatSemantics(tensor.onnxDataType)) {
      unsigned width = APFloat::getSizeInBits(*semantics);
      APFloat value(*semantics, APInt(width, raw & ((1u << width) - 1)));
      e.isFloat = true;
      e.real = value.convertToDouble();
    } else {
      unsigned bits = size * 8;
      // Sub-byte and boolean elements live in the low bits.
      switch (tensor.onnxDataType) {
      case 9:
        bits = 1, isUnsigned = true;
        break;
      case 21:
      case 22:
        bits = 4;
        break;
      case 25:
      case 26:
        bits = 2;
        break;
      default:
        break;
      }
      APInt value(64, raw);
      value = value.trunc(bits);
      e.integer =
          isUnsigned ? int64_t(value.getZExtValue()) : value.getSExtValue();
    }
    elements.push_back(e);
  }
  return elements;
}

std::vector<Element> decode(DenseElementsAttr value) {
  std::vector<Element> elements;
  Type type = value.getElementType();
  if (isa<FloatType>(type)) {
    for (const APFloat &v : value.getValues<APFloat>()) {
      Element e;
      e.isFloat = true;
      bool lost;
      APFloat d = v;
      d.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      e.real = d.convertToDouble();
      elements.push_back(e);
    }
    return elements;
  }
  bool isUnsigned = type.isUnsignedInteger() || type.isInteger(1);
  for (const APInt &v : value.getValues<APInt>()) {
    Element e;
    e.integer = isUnsigned ? int64_t(v.getZExtValue()) : v.getSExtValue();
    elements.push_back(e);
  }
  return elements;
}

/// The tensor files of `dir`, by name and by position.
struct TensorDir {
  std::vector<TensorFile> files; // input_0.pb, input_1.pb, ... in order
};

FailureOr<std::vector<TensorFile>>
readTensorDir(StringRef dir, StringRef prefix, Location loc) {
  std::vector<TensorFile> files;
  for (unsigned i = 0;; ++i) {
    SmallString<128> path(dir);
    llvm::sys::path::append(path, prefix + std::to_string(i) + ".pb");
    if (!llvm::sys::fs::exists(path))
      break;
    FailureOr<TensorFile> file = readTensorFile(path, loc);
    if (failed(file))
      return failure();
    files.push_back(*file);
  }
  return files;
}

/// The file for interface tensor `index` named `name`: by name, else by
/// position.
const TensorFile *match(ArrayRef<TensorFile> files, StringRef name,
                        size_t index, size_t count) {
  for (const TensorFile &file : files)
    if (file.name == name)
      return &file;
  if (files.size() == count && index < files.size())
    return &files[index];
  return nullptr;
}

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleave(shape, os, "x");
  os << "]";
  return s;
}

LogicalResult writeFile(StringRef path, ArrayRef<char> bytes, Location loc) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return emitError(loc) << "cannot write '" << path << "': " << ec.message();
  os.write(bytes.data(), bytes.size());
  return success();
}

/// Runs `program` with `args`; returns its exit code, or -1 with `error`.
int execute(StringRef program, ArrayRef<std::string> args, unsigned timeout,
            StringRef stdoutPath, std::string &error) {
  SmallVector<StringRef> argv;
  for (const std::string &arg : args)
    argv.push_back(arg);
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(stdoutPath),
                                          StringRef(stdoutPath)};
  bool failedToRun = false;
  int code = llvm::sys::ExecuteAndWait(program, argv, std::nullopt, redirects,
                                       timeout, 0, &error, &failedToRun);
  return failedToRun ? -1 : code;
}

std::string readText(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  return buffer ? (*buffer)->getBuffer().rtrim().str() : std::string();
}

std::string findProgram(ArrayRef<StringRef> names) {
  for (StringRef name : names) {
    if (name.empty())
      continue;
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
  }
  return {};
}

} // namespace

int mlir::quantc::runModel(MLIRContext &context, const RunOptions &options) {
  Location loc = FileLineColLoc::get(&context, options.compile.modelPath, 0, 0);
  CompileOptions compile = options.compile;
  compile.emit = Stage::Obj;
  CompileResult compiled;
  if (failed(compileModel(context, compile, compiled)))
    return 1;
  const ModelInterface &model = compiled.interface;

  // Working folder.
  SmallString<128> work(options.workDir);
  if (work.empty()) {
    if (llvm::sys::fs::createUniqueDirectory("quantc-run", work)) {
      emitError(loc) << "cannot create a temporary folder";
      return 1;
    }
  } else if (llvm::sys::fs::create_directories(work)) {
    emitError(loc) << "cannot create '" << work << "'";
    return 1;
  }
  auto at = [&](StringRef file) {
    SmallString<128> path(work);
    llvm::sys::path::append(path, file);
    return std::string(path);
  };
  auto cleanup = llvm::scope_exit([&] {
    if (options.workDir.empty())
      llvm::sys::fs::remove_directories(work);
  });

  // Inputs as raw files.
  std::vector<TensorFile> inputs;
  if (!model.inputs.empty()) {
    if (options.inputsDir.empty()) {
      emitError(loc) << "the model has inputs: give --inputs DIR";
      return 1;
    }
    FailureOr<std::vector<TensorFile>> files =
        readTensorDir(options.inputsDir, "input_", loc);
    if (failed(files))
      return 1;
    // Graph inputs bound at compile time (--input-value) are no longer
    // inputs: their files drop out, so the rest match by position.
    const llvm::StringMap<std::string> &bound =
        options.compile.import.inputValues;
    for (auto [index, file] : llvm::enumerate(*files)) {
      SmallString<128> path(options.inputsDir);
      llvm::sys::path::append(path, "input_" + std::to_string(index) + ".pb");
      bool isBound = bound.count(file.name) != 0;
      for (const auto &entry : bound)
        isBound |= llvm::sys::fs::equivalent(path, entry.getValue());
      if (!isBound)
        inputs.push_back(std::move(file));
    }
  }
  std::vector<std::string> runnerArgs;
  for (auto [index, input] : llvm::enumerate(model.inputs)) {
    const TensorFile *file =
        match(inputs, input.onnxName, index, model.inputs.size());
    if (!file) {
      emitError(loc) << "no tensor for input '" << input.onnxName << "' in "
                     << options.inputsDir;
      return 1;
    }
    ArrayRef<int64_t> shape = file->value.getType().getShape();
    if (shape != ArrayRef<int64_t>(input.shape) ||
        !isAcceptedInputType(file->dataType, input.onnxDataType)) {
      emitError(loc) << "input '" << input.onnxName << "' is " << input.cType
                     << shapeString(input.shape) << " (ONNX type "
                     << input.onnxDataType << "), the file gives ONNX type "
                     << file->dataType << " " << shapeString(shape);
      return 1;
    }
    std::string path = at("input_" + std::to_string(index) + ".bin");
    if (failed(writeFile(path, toBytes(file->value, input.elementBytes), loc)))
      return 1;
    runnerArgs.push_back(path);
  }
  for (size_t i = 0; i < model.outputs.size(); ++i)
    runnerArgs.push_back(at("output_" + std::to_string(i) + ".bin"));

  // Object, header and runner.
  std::string header = model.name + ".h";
  std::string headerText, runnerText;
  {
    llvm::raw_string_ostream os(headerText);
    writeCHeader(model, os);
    llvm::raw_string_ostream ros(runnerText);
    writeRunnerSource(model, header, ros);
  }
  if (failed(writeFile(at("model.o"), compiled.output, loc)) ||
      failed(writeFile(at(header),
                       ArrayRef<char>(headerText.data(), headerText.size()),
                       loc)) ||
      failed(writeFile(at("runner.c"),
                       ArrayRef<char>(runnerText.data(), runnerText.size()),
                       loc)))
    return 1;

  llvm::Triple triple(model.triple);
  bool native =
      triple.getArch() ==
          llvm::Triple(llvm::sys::getDefaultTargetTriple()).getArch() &&
      triple.getOS() ==
          llvm::Triple(llvm::sys::getDefaultTargetTriple()).getOS();
  std::string compiler, emulator;
  std::vector<std::string> emulatorArgs;
  if (native) {
    const char *cc = getenv("CC");
    compiler = findProgram({cc ? cc : "", "cc", "clang-22", "gcc", "clang"});
  } else {
    if (!triple.isOSLinux()) {
      emitError(loc) << "quantc run needs a Linux target to execute; "
                     << triple.str() << " code can only be compiled";
      return 1;
    }
    std::string arch = triple.getArchName().str();
    compiler = findProgram({arch + "-linux-gnu-gcc"});
    emulator = findProgram({"qemu-" + arch, "qemu-" + arch + "-static"});
    if (emulator.empty()) {
      emitError(loc) << "qemu-" << arch << " not found (install qemu-user)";
      return 1;
    }
    std::string cpu = options.qemuCpu;
    if (cpu.empty())
      cpu = triple.isRISCV() ? "rv64,v=true,vlen=128" : "max";
    emulatorArgs = {emulator, "-cpu", cpu};
  }
  if (compiler.empty()) {
    emitError(loc) << "no C compiler for " << triple.str()
                   << (native ? " (cc, clang-22 or gcc)"
                              : " (install gcc-" + triple.getArchName().str() +
                                    "-linux-gnu)");
    return 1;
  }
  std::string log = at("log.txt"), error;
  std::vector<std::string> linkArgs = {
      compiler,     "-std=c11",     "-O1",         "-o",
      at("runner"), at("runner.c"), at("model.o"), "-lm"};
  if (!native)
    linkArgs.insert(linkArgs.begin() + 1, "-static");
  if (execute(compiler, linkArgs, options.timeoutSeconds, log, error) != 0) {
    emitError(loc) << "linking the runner failed: " << error << "\n"
                   << readText(log);
    return 1;
  }

  std::vector<std::string> command = emulatorArgs;
  command.push_back(at("runner"));
  llvm::append_range(command, runnerArgs);
  std::string program = native ? at("runner") : emulator;
  int code = execute(program, command, options.timeoutSeconds, log, error);
  if (code != 0) {
    emitError(loc) << "the compiled model failed (exit " << code
                   << (error.empty() ? "" : ": " + error) << ")\n"
                   << readText(log);
    return 1;
  }

  // Outputs.
  std::vector<TensorFile> expected;
  if (!options.expectDir.empty()) {
    FailureOr<std::vector<TensorFile>> files =
        readTensorDir(options.expectDir, "output_", loc);
    if (failed(files))
      return 1;
    expected = std::move(*files);
  }
  bool allMatch = true;
  for (auto [index, output] : llvm::enumerate(model.outputs)) {
    auto bytes = llvm::MemoryBuffer::getFile(
        runnerArgs[model.inputs.size() + index], false, false);
    if (!bytes) {
      emitError(loc) << "the runner wrote no output " << index;
      return 1;
    }
    ArrayRef<char> data((*bytes)->getBufferStart(), (*bytes)->getBufferSize());
    if (!options.outputsDir.empty()) {
      llvm::sys::fs::create_directories(options.outputsDir);
      SmallString<128> path(options.outputsDir);
      llvm::sys::path::append(path, "output_" + std::to_string(index) + ".pb");
      if (failed(writeTensorFile(path, output.onnxName, output.onnxDataType,
                                 output.shape, data, output.elementBytes, loc)))
        return 1;
    }
    if (options.expectDir.empty())
      continue;
    const TensorFile *file =
        match(expected, output.onnxName, index, model.outputs.size());
    if (!file) {
      emitError(loc) << "no expected tensor for output '" << output.onnxName
                     << "' in " << options.expectDir;
      return 1;
    }
    std::vector<Element> actual = decode(data, output);
    std::vector<Element> want = decode(file->value);
    if (want.size() == 1 && actual.size() > 1)
      want.assign(actual.size(), want[0]); // splat
    if (file->value.getType().getShape() != ArrayRef<int64_t>(output.shape) ||
        actual.size() != want.size()) {
      llvm::outs() << "output " << index << " '" << output.onnxName
                   << "': shape " << shapeString(output.shape) << ", expected "
                   << shapeString(file->value.getType().getShape())
                   << ": MISMATCH\n";
      allMatch = false;
      continue;
    }
    size_t mismatches = 0, first = 0;
    double maxError = 0;
    for (size_t i = 0; i < actual.size(); ++i) {
      const Element &a = actual[i], &w = want[i];
      bool ok;
      if (a.isFloat || w.isFloat) {
        double av = a.isFloat ? a.real : double(a.integer);
        double wv = w.isFloat ? w.real : double(w.integer);
        if (std::isnan(av) || std::isnan(wv)) {
          ok = std::isnan(av) && std::isnan(wv);
        } else if (std::isinf(av) || std::isinf(wv)) {
          ok = av == wv;
        } else {
          double diff = std::fabs(av - wv);
          maxError = std::max(maxError, diff);
          ok = diff <= options.atol + options.rtol * std::fabs(wv);
        }
      } else {
        ok = a.integer == w.integer;
        maxError = std::max(maxError,
                            std::fabs(double(a.integer) - double(w.integer)));
      }
      if (!ok && mismatches++ == 0)
        first = i;
    }
    llvm::outs() << "output " << index << " '" << output.onnxName
                 << "': " << actual.size() << " values, max abs error "
                 << maxError;
    if (mismatches) {
      const Element &a = actual[first], &w = want[first];
      llvm::outs() << ", " << mismatches << " MISMATCHES (first at " << first
                   << ": got " << (a.isFloat ? a.real : double(a.integer))
                   << ", expected " << (w.isFloat ? w.real : double(w.integer))
                   << ")\n";
      allMatch = false;
    } else {
      llvm::outs() << ", match\n";
    }
  }
  return allMatch ? 0 : 1;
}
