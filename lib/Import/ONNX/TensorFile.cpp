//===- TensorFile.cpp - Serialized ONNX tensors on disk -------------------===//
//
// Implements TensorFile.h over protobuf's status-returning parse and
// serialize calls.
//
//===----------------------------------------------------------------------===//

#include "quantc/Import/ONNX/TensorFile.h"
#include "TensorConversion.h"

#include "mlir/IR/Diagnostics.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <climits>

using namespace mlir;
using namespace mlir::quantc;

FailureOr<TensorFile> mlir::quantc::readTensorFile(StringRef path,
                                                   Location loc) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "cannot read '" << path
                          << "': " << file.getError().message();
  onnx::TensorProto tensor;
  if ((*file)->getBufferSize() > static_cast<size_t>(INT_MAX) ||
      !tensor.ParseFromArray((*file)->getBufferStart(),
                             static_cast<int>((*file)->getBufferSize())))
    return emitError(loc) << "'" << path
                          << "' is not a serialized ONNX TensorProto";
  FailureOr<DenseElementsAttr> value = onnx_import::convertTensor(
      tensor, llvm::sys::path::parent_path(path), loc);
  if (failed(value))
    return failure();
  TensorFile result;
  result.name = tensor.name();
  result.dataType = tensor.data_type();
  result.value = *value;
  return result;
}

/// Bits per element of the sub-byte ONNX types; 0 for the others. Debian's
/// libonnx predates these types, so they go by their codes: UINT4 21,
/// INT4 22, FLOAT4E2M1 23, UINT2 25, INT2 26.
static unsigned subByteBits(int32_t dataType) {
  switch (dataType) {
  case 21:
  case 22:
  case 23:
    return 4;
  case 25:
  case 26:
    return 2;
  default:
    return 0;
  }
}

LogicalResult mlir::quantc::writeTensorFile(StringRef path, StringRef name,
                                            int32_t dataType,
                                            ArrayRef<int64_t> dims,
                                            ArrayRef<char> data,
                                            unsigned elementBytes,
                                            Location loc) {
  onnx::TensorProto tensor;
  tensor.set_name(name.str());
  tensor.set_data_type(dataType);
  for (int64_t dim : dims)
    tensor.add_dims(dim);
  if (unsigned bits = subByteBits(dataType)) {
    // ONNX packs sub-byte elements from the low bits of each byte up.
    unsigned perByte = 8 / bits;
    std::string packed((data.size() + perByte - 1) / perByte, '\0');
    for (size_t i = 0; i < data.size(); ++i)
      packed[i / perByte] |= static_cast<char>(
          (data[i] & ((1 << bits) - 1)) << (bits * (i % perByte)));
    tensor.set_raw_data(packed);
  } else {
    (void)elementBytes;
    tensor.set_raw_data(std::string(data.begin(), data.end()));
  }
  std::string bytes;
  if (!tensor.SerializeToString(&bytes))
    return emitError(loc) << "cannot serialize tensor '" << name << "'";
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return emitError(loc) << "cannot write '" << path << "': " << ec.message();
  os << bytes;
  return success();
}
