//===- ModelInterface.cpp - The C interface of a compiled model -----------===//
//
// Implements ModelInterface.h: reading the entry point's interface and
// writing the C header and the runner program.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/ModelInterface.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace mlir::quantc;

int64_t TensorInterface::numElements() const {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

bool mlir::quantc::isCIdentifier(StringRef name) {
  static const char *const keywords[] = {
      "auto",     "break",    "case",     "char",   "const",    "continue",
      "default",  "do",       "double",   "else",   "enum",     "extern",
      "float",    "for",      "goto",     "if",     "inline",   "int",
      "long",     "register", "restrict", "return", "short",    "signed",
      "sizeof",   "static",   "struct",   "switch", "typedef",  "union",
      "unsigned", "void",     "volatile", "while",  "_Bool",    "bool",
      "class",    "new",      "delete",   "this",   "template", "operator",
      "private",  "public",   "protected", "namespace", "virtual", "friend",
      "true",     "false",    "nullptr",  "workspace"};
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  if (!llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; }))
    return false;
  return llvm::none_of(keywords, [&](const char *k) { return name == k; });
}

/// A C identifier for an ONNX name, unique among `used`.
static std::string makeCName(StringRef onnxName, llvm::StringSet<> &used) {
  std::string name;
  for (char c : onnxName)
    name += llvm::isAlnum(c) || c == '_' ? c : '_';
  if (name.empty() || llvm::isDigit(name.front()))
    name = "t_" + name;
  if (!isCIdentifier(name))
    name += "_";
  std::string unique = name;
  for (int suffix = 2; !used.insert(unique).second; ++suffix)
    unique = name + "_" + std::to_string(suffix);
  return unique;
}

/// Fills the element description of `tensor` from a qnt-level element
/// type; fails for types without a C representation.
static LogicalResult describeElement(Type type, TensorInterface &tensor) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(type)) {
    if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
      llvm::append_range(tensor.scales, perAxis.getScales());
      llvm::append_range(tensor.zeroPoints, perAxis.getZeroPoints());
      tensor.axis = perAxis.getQuantizedDimension();
    } else if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type)) {
      tensor.scales.push_back(uniform.getScale());
      tensor.zeroPoints.push_back(uniform.getZeroPoint());
    } else {
      return failure();
    }
    type = IntegerType::get(type.getContext(),
                            quantized.getStorageTypeIntegralWidth(),
                            quantized.isSigned() ? IntegerType::Signed
                                                 : IntegerType::Unsigned);
  }
  if (type.isF32()) {
    tensor.cType = "float", tensor.elementBytes = 4, tensor.onnxDataType = 1;
    return success();
  }
  if (type.isF64()) {
    tensor.cType = "double", tensor.elementBytes = 8, tensor.onnxDataType = 11;
    return success();
  }
  if (auto intType = dyn_cast<IntegerType>(type)) {
    unsigned width = intType.getWidth();
    bool isUnsigned = intType.isUnsigned();
    struct Kind {
      unsigned width;
      const char *signedType, *unsignedType;
      int32_t signedCode, unsignedCode;
    };
    // Sub-byte integers travel one per byte in the low bits.
    static const Kind kinds[] = {{1, "uint8_t", "uint8_t", 9, 9},
                                 {2, "int8_t", "uint8_t", 26, 25},
                                 {4, "int8_t", "uint8_t", 22, 21},
                                 {8, "int8_t", "uint8_t", 3, 2},
                                 {16, "int16_t", "uint16_t", 5, 4},
                                 {32, "int32_t", "uint32_t", 6, 12},
                                 {64, "int64_t", "uint64_t", 7, 13}};
    for (const Kind &kind : kinds) {
      if (kind.width != width)
        continue;
      tensor.cType = isUnsigned ? kind.unsignedType : kind.signedType;
      tensor.onnxDataType = isUnsigned ? kind.unsignedCode : kind.signedCode;
      tensor.elementBytes = std::max(1u, width / 8);
      return success();
    }
    return failure();
  }
  // 8-bit floats travel as their bits, FLOAT4E2M1 in the low bits of a byte.
  struct SmallFloat {
    bool (*is)(Type);
    int32_t code;
  };
  static const SmallFloat smallFloats[] = {
      {[](Type t) { return isa<Float8E4M3FNType>(t); }, 17},
      {[](Type t) { return isa<Float8E4M3FNUZType>(t); }, 18},
      {[](Type t) { return isa<Float8E5M2Type>(t); }, 19},
      {[](Type t) { return isa<Float8E5M2FNUZType>(t); }, 20},
      {[](Type t) { return isa<Float8E8M0FNUType>(t); }, 24},
      {[](Type t) { return isa<Float4E2M1FNType>(t); }, 23}};
  for (const SmallFloat &kind : smallFloats) {
    if (kind.is(type)) {
      tensor.cType = "uint8_t", tensor.elementBytes = 1;
      tensor.onnxDataType = kind.code;
      return success();
    }
  }
  return failure();
}

static LogicalResult describe(Type type, DictionaryAttr attrs, Location loc,
                              StringRef role, unsigned index,
                              llvm::StringSet<> &used,
                              std::vector<TensorInterface> &list) {
  TensorInterface tensor;
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || !tensorType.hasStaticShape())
    return emitError(loc) << role << " " << index
                          << " must be a statically shaped tensor, not "
                          << type;
  llvm::append_range(tensor.shape, tensorType.getShape());
  if (failed(describeElement(tensorType.getElementType(), tensor)))
    return emitError(loc) << role << " " << index << " has element type "
                          << tensorType.getElementType()
                          << ", which has no C representation";
  auto onnxName = attrs ? attrs.getAs<StringAttr>("onnx.name") : nullptr;
  tensor.onnxName = onnxName ? onnxName.str()
                             : (role + std::to_string(index)).str();
  tensor.cName = makeCName(tensor.onnxName, used);
  list.push_back(std::move(tensor));
  return success();
}

FailureOr<ModelInterface> mlir::quantc::getModelInterface(func::FuncOp entry,
                                                          StringRef name) {
  ModelInterface model;
  model.name = name.str();
  llvm::StringSet<> used;
  FunctionType type = entry.getFunctionType();
  for (auto [index, input] : llvm::enumerate(type.getInputs()))
    if (failed(describe(input, entry.getArgAttrDict(index),
                        entry.getArgument(index).getLoc(), "input", index,
                        used, model.inputs)))
      return failure();
  for (auto [index, result] : llvm::enumerate(type.getResults()))
    if (failed(describe(result, entry.getResultAttrDict(index), entry.getLoc(),
                        "output", index, used, model.outputs)))
      return failure();
  return model;
}

static std::string formatScale(double scale) {
  // Nine significant digits round-trip every f32.
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.8ef", scale);
  return text;
}

static void writeTensorMacros(llvm::raw_ostream &os, StringRef prefix,
                              StringRef role, unsigned index,
                              const TensorInterface &tensor) {
  std::string macro = (prefix + "_" + role + std::to_string(index)).str();
  os << "/* " << role.lower() << " " << index << ": \"" << tensor.onnxName
     << "\", " << tensor.cType;
  for (int64_t dim : tensor.shape)
    os << "[" << dim << "]";
  if (tensor.isQuantized())
    os << ", quantized: real = scale * (q - zero_point)"
       << (tensor.axis >= 0 ? " along axis " + std::to_string(tensor.axis)
                            : std::string());
  os << " */\n";
  os << "#define " << macro << "_NAME \"" << tensor.onnxName << "\"\n";
  os << "#define " << macro << "_RANK " << tensor.shape.size() << "\n";
  os << "#define " << macro << "_DIMS {";
  llvm::interleaveComma(tensor.shape, os);
  if (tensor.shape.empty())
    os << "1";
  os << "}\n";
  os << "#define " << macro << "_COUNT " << tensor.numElements() << "\n";
  if (!tensor.isQuantized())
    return;
  if (tensor.axis < 0) {
    os << "#define " << macro << "_SCALE " << formatScale(tensor.scales[0])
       << "\n";
    os << "#define " << macro << "_ZERO_POINT " << tensor.zeroPoints[0]
       << "\n";
    return;
  }
  os << "#define " << macro << "_AXIS " << tensor.axis << "\n";
  os << "#define " << macro << "_SCALES {";
  llvm::interleaveComma(tensor.scales, os,
                        [&](double s) { os << formatScale(s); });
  os << "}\n#define " << macro << "_ZERO_POINTS {";
  llvm::interleaveComma(tensor.zeroPoints, os);
  os << "}\n";
}

static void writeSignature(const ModelInterface &model, llvm::raw_ostream &os) {
  os << "void " << model.name << "_run(";
  for (const TensorInterface &input : model.inputs)
    os << "const " << input.cType << " *" << input.cName << ", ";
  for (const TensorInterface &output : model.outputs)
    os << output.cType << " *" << output.cName << ", ";
  os << "void *workspace)";
}

void mlir::quantc::writeCHeader(const ModelInterface &model,
                                llvm::raw_ostream &os) {
  std::string prefix = StringRef(model.name).upper();
  std::string guard = "QUANTC_MODEL_" + prefix + "_H";
  os << "/* " << model.name << ".h - the C interface of model \""
     << model.modelFile << "\", compiled by QuantC.\n"
     << " * Target: " << model.triple;
  if (!model.cpu.empty())
    os << ", CPU " << model.cpu;
  os << ". Generated; do not edit.\n"
     << " *\n"
     << " * " << model.name << "_run() reads the inputs and writes the "
        "outputs, all dense\n"
     << " * row-major arrays in the element types below, and uses `workspace`"
        " for\n"
     << " * intermediate values: " << prefix << "_WORKSPACE_SIZE bytes "
        "aligned to\n"
     << " * " << prefix << "_WORKSPACE_ALIGN, owned by the caller, one per "
        "concurrent call.\n"
     << " * Nothing is allocated; weights are read-only data. Inputs must not"
        " overlap\n"
     << " * outputs or the workspace. See docs/ABI.md. */\n";
  os << "#ifndef " << guard << "\n#define " << guard << "\n\n";
  os << "#include <stddef.h>\n#include <stdint.h>\n\n";
  os << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  os << "#define " << prefix << "_WORKSPACE_SIZE ((size_t)"
     << model.workspaceSize << ")\n";
  os << "#define " << prefix << "_WORKSPACE_ALIGN "
     << model.workspaceAlignment << "\n";
  os << "#define " << prefix << "_NUM_INPUTS " << model.inputs.size() << "\n";
  os << "#define " << prefix << "_NUM_OUTPUTS " << model.outputs.size()
     << "\n\n";
  for (auto [index, input] : llvm::enumerate(model.inputs))
    writeTensorMacros(os, prefix, "INPUT", index, input);
  for (auto [index, output] : llvm::enumerate(model.outputs))
    writeTensorMacros(os, prefix, "OUTPUT", index, output);
  os << "\n/* The workspace size in bytes (" << prefix
     << "_WORKSPACE_SIZE). */\n";
  os << "size_t " << model.name << "_workspace_size(void);\n\n";
  os << "/* Runs the model. */\n";
  writeSignature(model, os);
  os << ";\n\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard
     << " */\n";
}

void mlir::quantc::writeRunnerSource(const ModelInterface &model,
                                     StringRef headerName,
                                     llvm::raw_ostream &os) {
  std::string prefix = StringRef(model.name).upper();
  size_t numFiles = model.inputs.size() + model.outputs.size();
  os << "/* Runs " << model.name << " on raw input files, writes raw output "
        "files. */\n"
     << "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
     << "#include \"" << headerName << "\"\n\n"
     << "static void *load(const char *path, size_t bytes) {\n"
     << "  void *data = malloc(bytes ? bytes : 1);\n"
     << "  FILE *f = fopen(path, \"rb\");\n"
     << "  if (!data || !f || fread(data, 1, bytes, f) != bytes || "
        "fgetc(f) != EOF) {\n"
     << "    fprintf(stderr, \"cannot read %zu bytes from %s\\n\", bytes, "
        "path);\n"
     << "    exit(2);\n  }\n  fclose(f);\n  return data;\n}\n\n"
     << "static void store(const char *path, const void *data, size_t bytes) "
        "{\n"
     << "  FILE *f = fopen(path, \"wb\");\n"
     << "  if (!f || fwrite(data, 1, bytes, f) != bytes || fclose(f) != 0) {\n"
     << "    fprintf(stderr, \"cannot write %s\\n\", path);\n    exit(2);\n"
     << "  }\n}\n\n"
     << "int main(int argc, char **argv) {\n"
     << "  if (argc != " << numFiles + 1 << ") {\n"
     << "    fprintf(stderr, \"usage: %s <" << model.inputs.size()
     << " input files> <" << model.outputs.size()
     << " output files>\\n\", argv[0]);\n    return 2;\n  }\n"
     << "  size_t wsBytes = (" << model.name << "_workspace_size() + "
     << prefix << "_WORKSPACE_ALIGN - 1) / " << prefix
     << "_WORKSPACE_ALIGN * " << prefix << "_WORKSPACE_ALIGN;\n"
     << "  void *ws = aligned_alloc(" << prefix << "_WORKSPACE_ALIGN, wsBytes ? "
     << "wsBytes : " << prefix << "_WORKSPACE_ALIGN);\n";
  for (auto [index, input] : llvm::enumerate(model.inputs))
    os << "  " << input.cType << " *in" << index << " = load(argv["
       << index + 1 << "], " << input.numElements() << "u * sizeof("
       << input.cType << "));\n";
  for (auto [index, output] : llvm::enumerate(model.outputs))
    os << "  " << output.cType << " *out" << index << " = calloc("
       << std::max<int64_t>(1, output.numElements()) << "u, sizeof("
       << output.cType << "));\n";
  os << "  if (!ws";
  for (size_t i = 0; i < model.outputs.size(); ++i)
    os << " || !out" << i;
  os << ") {\n    fprintf(stderr, \"out of memory\\n\");\n    return 2;\n  }\n";
  os << "  " << model.name << "_run(";
  for (size_t i = 0; i < model.inputs.size(); ++i)
    os << "in" << i << ", ";
  for (size_t i = 0; i < model.outputs.size(); ++i)
    os << "out" << i << ", ";
  os << "ws);\n";
  for (auto [index, output] : llvm::enumerate(model.outputs))
    os << "  store(argv[" << model.inputs.size() + index + 1 << "], out"
       << index << ", " << output.numElements() << "u * sizeof("
       << output.cType << "));\n";
  os << "  return 0;\n}\n";
}
