//===- TensorConversion.h - ONNX tensors to MLIR attributes -----*- C++ -*-===//
//
// Converts TensorProto (initializers, Constant values, tensor attributes)
// into dense attributes without trusting the model: every size is checked
// against the dims with overflow-safe arithmetic, and external data is read
// only from inside the model's folder.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_TENSORCONVERSION_H
#define QUANTC_LIB_IMPORT_ONNX_TENSORCONVERSION_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"

#include "onnx/onnx_pb.h"

namespace mlir::quantc::onnx_import {

/// The MLIR element type QuantC uses for an ONNX element type: f32 for
/// FLOAT, FLOAT16, BFLOAT16 and DOUBLE (converted), i1 for BOOL, iN for
/// signed and uiN for unsigned integers (INT4/UINT4 included). Emits an
/// error at `loc` naming `what` for other types.
FailureOr<Type> convertElementType(int32_t dataType, Location loc,
                                   StringRef what);

/// The ONNX name of an element type code, for diagnostics.
StringRef getDataTypeName(int32_t dataType);

/// Converts `tensor` to a dense attribute of its converted element type.
/// External data is resolved relative to `modelDir` and must stay inside it.
FailureOr<DenseElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                           StringRef modelDir, Location loc);

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_TENSORCONVERSION_H
