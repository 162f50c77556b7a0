//===- ModelReader.h - Parsing ONNX ModelProto from bytes -------*- C++ -*-===//
//
// Parses binary protobuf and ONNX text format without trusting the input.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_MODELREADER_H
#define QUANTC_LIB_IMPORT_ONNX_MODELREADER_H

#include "mlir/IR/Location.h"
#include "llvm/Support/MemoryBuffer.h"

#include "onnx/onnx_pb.h"

namespace mlir::quantc::onnx_import {

/// Parses `buffer` into `model`: ONNX text format when its first
/// non-blank character is '<', binary protobuf otherwise. Errors are emitted
/// at `loc`.
LogicalResult readModel(llvm::MemoryBufferRef buffer, Location loc,
                        onnx::ModelProto &model);

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_MODELREADER_H
