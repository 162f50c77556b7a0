//===- TensorConversion.cpp - ONNX tensors to MLIR attributes -------------===//
//
// Reads a TensorProto's data from raw_data, the typed repeated fields or an
// external file, validating sizes first. Raw and external data are
// little-endian, as ONNX specifies; QuantC's hosts are little-endian.
//
//===----------------------------------------------------------------------===//

#include "TensorConversion.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstring>

using namespace mlir;
using namespace mlir::quantc::onnx_import;
using onnx::TensorProto;

// ONNX 1.12's enum predates these codes; models from newer exporters use them.
static constexpr int32_t kUInt4 = 21;
static constexpr int32_t kInt4 = 22;
static constexpr int32_t kFloat8E4M3FN = 17;
static constexpr int32_t kFloat8E4M3FNUZ = 18;
static constexpr int32_t kFloat8E5M2 = 19;
static constexpr int32_t kFloat8E5M2FNUZ = 20;
static constexpr int32_t kFloat4E2M1 = 23;
static constexpr int32_t kFloat8E8M0 = 24;
static constexpr int32_t kUInt2 = 25;
static constexpr int32_t kInt2 = 26;

StringRef mlir::quantc::onnx_import::getDataTypeName(int32_t dataType) {
  // Codes newer than ONNX 1.12's enum.
  switch (dataType) {
  case 17:
    return "FLOAT8E4M3FN";
  case 18:
    return "FLOAT8E4M3FNUZ";
  case 19:
    return "FLOAT8E5M2";
  case 20:
    return "FLOAT8E5M2FNUZ";
  case kUInt4:
    return "UINT4";
  case kInt4:
    return "INT4";
  case 23:
    return "FLOAT4E2M1";
  case 24:
    return "FLOAT8E8M0";
  case 25:
    return "UINT2";
  case 26:
    return "INT2";
  default:
    if (TensorProto::DataType_IsValid(dataType))
      return TensorProto::DataType_Name(
          static_cast<TensorProto::DataType>(dataType));
    return "unknown";
  }
}

FailureOr<Type> mlir::quantc::onnx_import::convertElementType(int32_t dataType,
                                                              Location loc,
                                                              StringRef what) {
  MLIRContext *ctx = loc.getContext();
  auto signedInt = [&](unsigned w) { return IntegerType::get(ctx, w); };
  auto unsignedInt = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Unsigned);
  };
  switch (dataType) {
  case TensorProto::FLOAT:
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
  case TensorProto::DOUBLE:
    return Type(Float32Type::get(ctx));
  case TensorProto::BOOL:
    return Type(signedInt(1));
  case kInt4:
    return Type(signedInt(4));
  case TensorProto::INT8:
    return Type(signedInt(8));
  case TensorProto::INT16:
    return Type(signedInt(16));
  case TensorProto::INT32:
    return Type(signedInt(32));
  case TensorProto::INT64:
    return Type(signedInt(64));
  case kUInt4:
    return Type(unsignedInt(4));
  case kInt2:
    return Type(signedInt(2));
  case kUInt2:
    return Type(unsignedInt(2));
  case kFloat8E4M3FN:
    return Type(Float8E4M3FNType::get(ctx));
  case kFloat8E4M3FNUZ:
    return Type(Float8E4M3FNUZType::get(ctx));
  case kFloat8E5M2:
    return Type(Float8E5M2Type::get(ctx));
  case kFloat8E5M2FNUZ:
    return Type(Float8E5M2FNUZType::get(ctx));
  case kFloat4E2M1:
    return Type(Float4E2M1FNType::get(ctx));
  case kFloat8E8M0:
    return Type(Float8E8M0FNUType::get(ctx));
  case TensorProto::UINT8:
    return Type(unsignedInt(8));
  case TensorProto::UINT16:
    return Type(unsignedInt(16));
  case TensorProto::UINT32:
    return Type(unsignedInt(32));
  case TensorProto::UINT64:
    return Type(unsignedInt(64));
  default:
    return emitError(loc) << "unsupported: " << what << " has element type "
                          << getDataTypeName(dataType) << " (" << dataType
                          << "); QuantC computes in f32 and integers";
  }
}

namespace {
/// Bytes of one element as ONNX stores it in raw_data (0 for packed 4- and
/// 2-bit types).
unsigned rawElementBytes(int32_t dataType) {
  switch (dataType) {
  case TensorProto::BOOL:
  case TensorProto::INT8:
  case TensorProto::UINT8:
  case kFloat8E4M3FN:
  case kFloat8E4M3FNUZ:
  case kFloat8E5M2:
  case kFloat8E5M2FNUZ:
  case kFloat8E8M0:
    return 1;
  case TensorProto::INT16:
  case TensorProto::UINT16:
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    return 2;
  case TensorProto::FLOAT:
  case TensorProto::INT32:
  case TensorProto::UINT32:
    return 4;
  case TensorProto::DOUBLE:
  case TensorProto::INT64:
  case TensorProto::UINT64:
    return 8;
  default:
    return 0;
  }
}

/// Elements per byte of ONNX's packed types (INT4, UINT4, FLOAT4E2M1: two;
/// INT2, UINT2: four; the first element in the least significant bits), 0
/// for the others.
unsigned packedPerByte(int32_t dataType) {
  switch (dataType) {
  case kInt4:
  case kUInt4:
  case kFloat4E2M1:
    return 2;
  case kInt2:
  case kUInt2:
    return 4;
  default:
    return 0;
  }
}

/// Reads `length` bytes at `offset` of an external data file that must lie
/// inside `modelDir`.
FailureOr<std::string> readExternalData(const TensorProto &tensor,
                                        StringRef modelDir, Location loc) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    StringRef key = entry.key(), value = entry.value();
    if (key == "location") {
      location = value.str();
    } else if (key == "offset" || key == "length") {
      uint64_t parsed;
      if (value.getAsInteger(10, parsed))
        return emitError(loc)
               << "external data " << key << " '" << value << "' of tensor '"
               << tensor.name() << "' is not a non-negative integer";
      if (key == "offset")
        offset = parsed;
      else
        length = parsed;
    }
  }
  if (location.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has external data without a location";
  if (llvm::sys::path::is_absolute(location) ||
      llvm::any_of(llvm::make_range(llvm::sys::path::begin(location),
                                    llvm::sys::path::end(location)),
                   [](StringRef part) { return part == ".."; }))
    return emitError(loc) << "external data location '" << location
                          << "' of tensor '" << tensor.name()
                          << "' must be a relative path inside the model's "
                             "folder";
  SmallString<256> path(modelDir);
  llvm::sys::path::append(path, location);
  // Resolve symlinks on both sides: a link may not lead out of the folder.
  SmallString<256> realDir, realPath;
  if (llvm::sys::fs::real_path(modelDir, realDir) ||
      llvm::sys::fs::real_path(path, realPath))
    return emitError(loc) << "cannot open external data file '" << path
                          << "' of tensor '" << tensor.name() << "'";
  StringRef inside(realPath);
  if (!inside.consume_front(realDir) ||
      !(inside.empty() || llvm::sys::path::is_separator(inside.front())))
    return emitError(loc) << "external data file '" << location
                          << "' of tensor '" << tensor.name()
                          << "' resolves outside the model's folder";
  auto file = llvm::MemoryBuffer::getFile(realPath, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "cannot read external data file '" << location
                          << "': " << file.getError().message();
  uint64_t size = (*file)->getBufferSize();
  uint64_t count = length.value_or(size >= offset ? size - offset : 0);
  if (offset > size || count > size - offset)
    return emitError(loc) << "external data of tensor '" << tensor.name()
                          << "' (offset " << offset << ", length " << count
                          << ") lies outside its " << size << "-byte file";
  return std::string((*file)->getBufferStart() + offset, count);
}

/// Converts little-endian raw bytes of `dataType` into an attribute of
/// `type`.
DenseElementsAttr fromRawBytes(StringRef bytes, int32_t dataType,
                               RankedTensorType type) {
  int64_t n = type.getNumElements();
  switch (dataType) {
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
  case TensorProto::DOUBLE: {
    const llvm::fltSemantics &from =
        dataType == TensorProto::FLOAT16    ? llvm::APFloat::IEEEhalf()
        : dataType == TensorProto::BFLOAT16 ? llvm::APFloat::BFloat()
                                            : llvm::APFloat::IEEEdouble();
    unsigned bytesPer = rawElementBytes(dataType);
    SmallVector<float> values(n);
    for (int64_t i = 0; i < n; ++i) {
      uint64_t bits = 0;
      std::memcpy(&bits, bytes.data() + i * bytesPer, bytesPer);
      llvm::APFloat value(from, llvm::APInt(bytesPer * 8, bits));
      bool lost;
      value.convert(llvm::APFloat::IEEEsingle(),
                    llvm::APFloat::rmNearestTiesToEven, &lost);
      values[i] = value.convertToFloat();
    }
    return DenseElementsAttr::get(type, llvm::ArrayRef(values));
  }
  case TensorProto::BOOL: {
    SmallVector<bool> values(n);
    for (int64_t i = 0; i < n; ++i)
      values[i] = bytes[i] != 0;
    return DenseElementsAttr::get(type, values);
  }
  case kInt4:
  case kUInt4:
  case kFloat4E2M1:
  case kInt2:
  case kUInt2: {
    // Two (4-bit) or four (2-bit) elements per byte, the first in the least
    // significant bits; MLIR keeps one element per byte, signed integers
    // sign-extended.
    unsigned perByte = packedPerByte(dataType), bits = 8 / perByte;
    uint8_t mask = (1u << bits) - 1, signBit = 1u << (bits - 1);
    bool isSigned = dataType == kInt4 || dataType == kInt2;
    std::vector<char> unpacked(n);
    for (int64_t i = 0; i < n; ++i) {
      uint8_t value =
          (static_cast<uint8_t>(bytes[i / perByte]) >> (bits * (i % perByte))) &
          mask;
      if (isSigned && (value & signBit))
        value |= static_cast<uint8_t>(~mask);
      unpacked[i] = static_cast<char>(value);
    }
    return DenseElementsAttr::getFromRawBuffer(type, unpacked);
  }
  default:
    return DenseElementsAttr::getFromRawBuffer(
        type, llvm::ArrayRef<char>(bytes.data(), bytes.size()));
  }
}

/// The typed repeated field ONNX uses for `dataType`, as little-endian raw
/// bytes of the raw_data layout; fails when its count is not `n`.
FailureOr<std::string> typedFieldBytes(const TensorProto &tensor,
                                       int32_t dataType, int64_t n,
                                       Location loc) {
  std::string bytes;
  auto expectCount = [&](int64_t count, StringRef field) -> LogicalResult {
    if (count == n)
      return success();
    return emitError(loc) << "tensor '" << tensor.name() << "' has " << count
                          << " values in " << field << " but its dims hold "
                          << n << " elements";
  };
  unsigned bytesPer = rawElementBytes(dataType);
  switch (dataType) {
  case TensorProto::FLOAT:
    if (failed(expectCount(tensor.float_data_size(), "float_data")))
      return failure();
    bytes.assign(reinterpret_cast<const char *>(tensor.float_data().data()),
                 n * 4);
    return bytes;
  case TensorProto::DOUBLE:
    if (failed(expectCount(tensor.double_data_size(), "double_data")))
      return failure();
    bytes.assign(reinterpret_cast<const char *>(tensor.double_data().data()),
                 n * 8);
    return bytes;
  case TensorProto::INT64:
    if (failed(expectCount(tensor.int64_data_size(), "int64_data")))
      return failure();
    bytes.assign(reinterpret_cast<const char *>(tensor.int64_data().data()),
                 n * 8);
    return bytes;
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    if (failed(expectCount(tensor.uint64_data_size(), "uint64_data")))
      return failure();
    bytes.resize(n * bytesPer);
    for (int64_t i = 0; i < n; ++i) {
      uint64_t v = tensor.uint64_data(i);
      std::memcpy(&bytes[i * bytesPer], &v, bytesPer);
    }
    return bytes;
  case kInt4:
  case kUInt4:
  case kFloat4E2M1:
  case kInt2:
  case kUInt2: {
    // int32_data holds the packed bytes, two or four elements each.
    unsigned perByte = packedPerByte(dataType);
    if (tensor.int32_data_size() != (n + perByte - 1) / perByte)
      return emitError(loc) << "tensor '" << tensor.name() << "' has "
                            << tensor.int32_data_size()
                            << " packed bytes in int32_data but its dims hold "
                            << n << " " << 8 / perByte << "-bit elements";
    for (int32_t v : tensor.int32_data())
      bytes.push_back(static_cast<char>(v));
    return bytes;
  }
  default: // int32_data holds one element each, including FLOAT16 bits.
    if (failed(expectCount(tensor.int32_data_size(), "int32_data")))
      return failure();
    bytes.resize(n * bytesPer);
    for (int64_t i = 0; i < n; ++i) {
      int32_t v = tensor.int32_data(i);
      std::memcpy(&bytes[i * bytesPer], &v, bytesPer);
    }
    return bytes;
  }
}
} // namespace

FailureOr<DenseElementsAttr>
mlir::quantc::onnx_import::convertTensor(const TensorProto &tensor,
                                         StringRef modelDir, Location loc) {
  std::string what = ("tensor '" + tensor.name() + "'");
  if (!tensor.has_data_type() || tensor.data_type() == TensorProto::UNDEFINED)
    return emitError(loc) << what << " has no element type";
  int32_t dataType = tensor.data_type();
  FailureOr<Type> elementType = convertElementType(dataType, loc, what);
  if (failed(elementType))
    return failure();
  if (tensor.has_segment())
    return emitError(loc) << what
                          << " is segmented, which ONNX allows only "
                             "for streaming";

  SmallVector<int64_t> shape;
  int64_t n = 1;
  // Far below what overflows any size computation, far above any real model.
  constexpr int64_t kMaxElements = int64_t(1) << 40;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0)
      return emitError(loc) << what << " has negative dimension " << dim;
    if (llvm::MulOverflow(n, dim, n) || n > kMaxElements)
      return emitError(loc) << what
                            << " has too many elements (dims overflow "
                               "or exceed 2^40)";
    shape.push_back(dim);
  }
  auto type = RankedTensorType::get(shape, *elementType);

  unsigned bytesPer = rawElementBytes(dataType);
  unsigned perByte = packedPerByte(dataType);
  int64_t expectedBytes = perByte ? (n + perByte - 1) / perByte : n * bytesPer;
  std::string storage;
  StringRef bytes;
  if (tensor.data_location() == TensorProto::EXTERNAL) {
    FailureOr<std::string> external = readExternalData(tensor, modelDir, loc);
    if (failed(external))
      return failure();
    storage = std::move(*external);
    bytes = storage;
  } else if (tensor.has_raw_data()) {
    bytes = tensor.raw_data();
  } else {
    FailureOr<std::string> typed = typedFieldBytes(tensor, dataType, n, loc);
    if (failed(typed))
      return failure();
    storage = std::move(*typed);
    bytes = storage;
  }
  if (static_cast<int64_t>(bytes.size()) != expectedBytes)
    return emitError(loc) << what << " has " << bytes.size()
                          << " bytes of data but its dims and type "
                          << getDataTypeName(dataType) << " need "
                          << expectedBytes;
  return fromRawBytes(bytes, dataType, type);
}
