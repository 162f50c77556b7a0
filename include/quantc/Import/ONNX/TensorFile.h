//===- TensorFile.h - Serialized ONNX tensors on disk -----------*- C++ -*-===//
//
// Reading and writing single ONNX TensorProto files (.pb), the format of
// ONNX test data sets, for `quantc run` and `--input-value`.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_IMPORT_ONNX_TENSORFILE_H
#define QUANTC_IMPORT_ONNX_TENSORFILE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

#include <string>

namespace mlir::quantc {

/// A tensor read from a file.
struct TensorFile {
  /// The TensorProto's name (may be empty).
  std::string name;
  /// The ONNX element type code (TensorProto.data_type).
  int32_t dataType = 0;
  /// The values, converted as the importer converts initializers.
  DenseElementsAttr value;
};

/// Reads a serialized TensorProto; errors are emitted at `loc`.
FailureOr<TensorFile> readTensorFile(StringRef path, Location loc);

/// Writes a TensorProto named `name` of ONNX type `dataType` and shape
/// `dims` whose elements are `elementBytes`-byte little-endian values in
/// `data` (sub-byte integer types: one element per byte, low bits), packing
/// sub-byte types as ONNX does.
LogicalResult writeTensorFile(StringRef path, StringRef name,
                              int32_t dataType, ArrayRef<int64_t> dims,
                              ArrayRef<char> data, unsigned elementBytes,
                              Location loc);

} // namespace mlir::quantc

#endif // QUANTC_IMPORT_ONNX_TENSORFILE_H
