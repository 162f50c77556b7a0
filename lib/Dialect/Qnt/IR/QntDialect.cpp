//===- QntDialect.cpp - The qnt dialect -----------------------------------===//
//
// Registers the dialect's ops and attributes, materializes folded constants
// and checks the quantized types every op touches.
//
//===----------------------------------------------------------------------===//

#include "quantc/Dialect/Qnt/IR/QntDialect.h"
#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::quantc;

#include "quantc/Dialect/Qnt/IR/QntEnums.cpp.inc"
#include "quantc/Dialect/Qnt/IR/QntOpsDialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "quantc/Dialect/Qnt/IR/QntAttrs.cpp.inc"

void QntDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "quantc/Dialect/Qnt/IR/QntOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "quantc/Dialect/Qnt/IR/QntAttrs.cpp.inc"
      >();
}

Operation *QntDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || !isa<RankedTensorType>(type))
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}

//===----------------------------------------------------------------------===//
// Quantized type checks shared by every op
//===----------------------------------------------------------------------===//

static LogicalResult checkZeroPoint(Operation *op, StringRef what,
                                    quant::QuantizedType type,
                                    int64_t zeroPoint) {
  if (zeroPoint < type.getStorageTypeMin() ||
      zeroPoint > type.getStorageTypeMax())
    return op->emitOpError()
           << what << " zero point " << zeroPoint
           << " is outside the storage range [" << type.getStorageTypeMin()
           << ", " << type.getStorageTypeMax() << "]";
  return success();
}

LogicalResult mlir::quantc::verifyQuantizedTensorType(Operation *op, Type type,
                                                      StringRef what) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return success();
  auto qtype = dyn_cast<quant::QuantizedType>(shaped.getElementType());
  if (!qtype)
    return success();
  if (!qtype.getExpressedType().isF32())
    return op->emitOpError()
           << what << " must be quantized from f32 values, got "
           << qtype.getExpressedType();

  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(qtype))
    return checkZeroPoint(op, what, qtype, uniform.getZeroPoint());

  auto perAxis = cast<quant::UniformQuantizedPerAxisType>(qtype);
  int64_t axis = perAxis.getQuantizedDimension();
  if (!shaped.hasRank() || axis >= shaped.getRank())
    return op->emitOpError() << what << " quantized dimension " << axis
                             << " is out of range for rank "
                             << (shaped.hasRank() ? shaped.getRank() : 0);
  int64_t size = shaped.getDimSize(axis);
  int64_t numScales = perAxis.getScales().size();
  if (!ShapedType::isDynamic(size) && size != numScales)
    return op->emitOpError()
           << what << " has " << numScales
           << " scales but its quantized dimension " << axis << " has size "
           << size << "; per-axis types need one scale per slice";
  for (int64_t zeroPoint : perAxis.getZeroPoints())
    if (failed(checkZeroPoint(op, what, qtype, zeroPoint)))
      return failure();
  return success();
}

LogicalResult
mlir::quantc::OpTrait::verifyQuantizedTypesAreValid(Operation *op) {
  for (auto [index, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(verifyQuantizedTensorType(op, type,
                                         ("operand #" + Twine(index)).str())))
      return failure();
  for (auto [index, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(verifyQuantizedTensorType(op, type,
                                         ("result #" + Twine(index)).str())))
      return failure();
  return success();
}
