//===- OpBinder.cpp - What an op handler sees of one ONNX node ------------===//
//
// Accessors that check what the model provides and report located errors.
//
//===----------------------------------------------------------------------===//

#include "OpBinder.h"
#include "GraphImporter.h"
#include "TensorConversion.h"

#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

OpBinder::OpBinder(GraphImporter &importer, const onnx::NodeProto &node,
                   Location loc, int64_t opset)
    : importer(importer), node(node), loc(loc), opset(opset) {}

OpBuilder &OpBinder::getBuilder() { return importer.getBuilder(); }

bool OpBinder::hasOperand(unsigned index) const {
  return index < static_cast<unsigned>(node.input_size()) &&
         !node.input(index).empty();
}

Value OpBinder::getOperand(unsigned index) {
  if (!hasOperand(index))
    return {};
  return importer.lookup(node.input(index));
}

ParseResult OpBinder::tensorOperand(unsigned index, Value &value) {
  if (!hasOperand(index))
    return emitError() << "input #" << index << " is required";
  value = importer.lookup(node.input(index));
  // A failed lookup has reported why (e.g. a malformed initializer).
  return failure(!value);
}

ParseResult OpBinder::floatOperand(unsigned index, Value &value) {
  if (tensorOperand(index, value))
    return failure();
  if (!getTensorType(value).getElementType().isF32())
    return emitError() << "input #" << index << " ('" << node.input(index)
                       << "') must be a float tensor, got "
                       << getTensorType(value);
  return success();
}

ParseResult OpBinder::constantOperand(unsigned index, StringRef what,
                                      DenseElementsAttr &value) {
  Value operand;
  if (!hasOperand(index))
    return emitError() << "input #" << index << " (" << what << ") is required";
  if (tensorOperand(index, operand))
    return failure();
  Attribute attr;
  if (!matchPattern(operand, m_Constant(&attr)) ||
      !(value = dyn_cast<DenseElementsAttr>(attr))) {
    StringRef name = node.input(index);
    if (importer.isGraphInput(name))
      return unsupported("input #" + Twine(index) + " (" + what +
                         ") is graph input '" + name +
                         "', but QuantC needs a constant; bind it with "
                         "--input-value " +
                         name + "=tensor.pb");
    return unsupported("input #" + Twine(index) + " (" + what + ", '" + name +
                       "') is computed at run time; QuantC needs a constant");
  }
  return success();
}

ParseResult OpBinder::constantInts(unsigned index, StringRef what,
                                   SmallVectorImpl<int64_t> &values) {
  DenseElementsAttr attr;
  if (constantOperand(index, what, attr))
    return failure();
  auto intType = dyn_cast<IntegerType>(attr.getElementType());
  if (!intType)
    return emitError() << "input #" << index << " (" << what
                       << ") must hold integers, got " << attr.getType();
  values.clear();
  for (const APInt &v : attr.getValues<APInt>())
    values.push_back(intType.isUnsigned()
                         ? static_cast<int64_t>(v.getZExtValue())
                         : v.getSExtValue());
  return success();
}

ParseResult OpBinder::constantFloats(unsigned index, StringRef what,
                                     SmallVectorImpl<float> &values) {
  DenseElementsAttr attr;
  if (constantOperand(index, what, attr))
    return failure();
  if (!attr.getElementType().isF32())
    return emitError() << "input #" << index << " (" << what
                       << ") must hold floats, got " << attr.getType();
  values.assign(attr.getValues<float>().begin(), attr.getValues<float>().end());
  return success();
}

const onnx::AttributeProto *OpBinder::findAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

ParseResult OpBinder::attrTypeError(const onnx::AttributeProto &attr,
                                    StringRef expected) {
  return emitError() << "attribute '" << attr.name() << "' must be " << expected
                     << ", got "
                     << onnx::AttributeProto::AttributeType_Name(attr.type());
}

ParseResult OpBinder::intAttr(StringRef name, int64_t &value,
                              std::optional<int64_t> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!defaultValue)
      return emitError() << "attribute '" << name << "' is required";
    value = *defaultValue;
    return success();
  }
  if (attr->type() != onnx::AttributeProto::INT)
    return attrTypeError(*attr, "an INT");
  value = attr->i();
  return success();
}

ParseResult OpBinder::floatAttr(StringRef name, float &value,
                                std::optional<float> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!defaultValue)
      return emitError() << "attribute '" << name << "' is required";
    value = *defaultValue;
    return success();
  }
  if (attr->type() != onnx::AttributeProto::FLOAT)
    return attrTypeError(*attr, "a FLOAT");
  value = attr->f();
  return success();
}

ParseResult OpBinder::stringAttr(StringRef name, std::string &value,
                                 std::optional<StringRef> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr) {
    if (!defaultValue)
      return emitError() << "attribute '" << name << "' is required";
    value = defaultValue->str();
    return success();
  }
  if (attr->type() != onnx::AttributeProto::STRING)
    return attrTypeError(*attr, "a STRING");
  value = attr->s();
  return success();
}

ParseResult OpBinder::intsAttr(StringRef name, SmallVectorImpl<int64_t> &values,
                               std::optional<ArrayRef<int64_t>> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  values.clear();
  if (!attr) {
    if (!defaultValue)
      return emitError() << "attribute '" << name << "' is required";
    values.append(defaultValue->begin(), defaultValue->end());
    return success();
  }
  if (attr->type() != onnx::AttributeProto::INTS)
    return attrTypeError(*attr, "INTS");
  values.append(attr->ints().begin(), attr->ints().end());
  return success();
}

ParseResult OpBinder::floatsAttr(StringRef name, SmallVectorImpl<float> &values,
                                 std::optional<ArrayRef<float>> defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  values.clear();
  if (!attr) {
    if (!defaultValue)
      return emitError() << "attribute '" << name << "' is required";
    values.append(defaultValue->begin(), defaultValue->end());
    return success();
  }
  if (attr->type() != onnx::AttributeProto::FLOATS)
    return attrTypeError(*attr, "FLOATS");
  values.append(attr->floats().begin(), attr->floats().end());
  return success();
}

ParseResult OpBinder::tensorAttr(StringRef name, DenseElementsAttr &value) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return emitError() << "attribute '" << name << "' is required";
  if (attr->type() != onnx::AttributeProto::TENSOR)
    return attrTypeError(*attr, "a TENSOR");
  FailureOr<DenseElementsAttr> converted =
      convertTensor(attr->t(), importer.getModelDir(), loc);
  if (failed(converted))
    return failure();
  value = *converted;
  return success();
}

void OpBinder::setResult(unsigned index, Value value) {
  if (index < static_cast<unsigned>(node.output_size()) &&
      !node.output(index).empty())
    importer.bind(node.output(index), value);
}

LogicalResult OpBinder::setResults(ValueRange values) {
  if (values.size() < static_cast<size_t>(node.output_size()))
    return emitError() << "has " << node.output_size()
                       << " outputs but QuantC produces " << values.size();
  for (auto [index, value] : llvm::enumerate(values))
    setResult(index, value);
  return success();
}

LogicalResult OpBinder::unsupported(const Twine &what) {
  return emitError() << "unsupported: " << what;
}

Value OpBinder::floatConstant(ArrayRef<float> values, ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, getBuilder().getF32Type());
  auto attr = DenseElementsAttr::get(type, values);
  return ConstantOp::create(getBuilder(), loc, type, attr);
}

Value OpBinder::transpose(Value value, ArrayRef<int64_t> perm) {
  return create<TransposeOp>(permuteTensorType(getTensorType(value), perm),
                             value, perm);
}

Value OpBinder::reshape(Value value, ArrayRef<int64_t> shape) {
  RankedTensorType type = getTensorType(value);
  if (type.getShape() == shape)
    return value;
  return create<ReshapeOp>(RankedTensorType::get(shape, type.getElementType()),
                           value);
}

ParseResult mlir::quantc::onnx_import::normalizeAxis(OpBinder &b, int64_t &axis,
                                                     int64_t rank,
                                                     StringRef what) {
  if (axis < -rank || axis >= rank)
    return b.emitError() << what << " " << axis << " is out of range for rank "
                         << rank;
  if (axis < 0)
    axis += rank;
  return success();
}

ParseResult
mlir::quantc::onnx_import::broadcastShapes(OpBinder &b, ArrayRef<int64_t> lhs,
                                           ArrayRef<int64_t> rhs,
                                           SmallVectorImpl<int64_t> &result) {
  size_t rank = std::max(lhs.size(), rhs.size());
  result.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t y = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (x != y && x != 1 && y != 1) {
      auto diag = b.emitError() << "input shapes [";
      llvm::interleaveComma(lhs, diag);
      diag << "] and [";
      llvm::interleaveComma(rhs, diag);
      return diag << "] do not broadcast";
    }
    result[i] = x == 1 ? y : x;
  }
  return success();
}

ParseResult mlir::quantc::onnx_import::normalizeAxes(
    OpBinder &b, SmallVectorImpl<int64_t> &axes, int64_t rank, StringRef what) {
  SmallVector<bool> seen(rank, false);
  for (int64_t &axis : axes) {
    if (normalizeAxis(b, axis, rank, (what + " entry").str()))
      return failure();
    if (seen[axis])
      return b.emitError() << what << " names dimension " << axis << " twice";
    seen[axis] = true;
  }
  return success();
}
