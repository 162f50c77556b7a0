//===- Shape.cpp - ONNX constants, shape and data movement ops ------------===//
//
// Handlers for constants, for ops that move data without arithmetic
// (Reshape, Transpose, Concat, Split, Slice, Squeeze, Unsqueeze, Pad,
// Gather) and for ReduceMean. Shapes are static after import, so
// Shape is a constant and shape computations on constants fold here
// (OpBinder::create folds ops whose operands are constants; Concat of
// constants is folded by the handler, as qnt.concat has no constant folder).
//
// Data movement keeps quantized element types. Where the qnt op has no form
// for a per-axis quantized tensor (a reshape, a concat along the quantized
// dimension), the handler moves the stored integers instead, which is what
// ONNX moves: a later DequantizeLinear reattaches the parameters.
//
//===----------------------------------------------------------------------===//

#include "../OpRegistry.h"
#include "quantc/Dialect/Qnt/Utils/TypeUtils.h"

#include "mlir/IR/Matchers.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The constant value of `value`, or null.
DenseElementsAttr getConstant(Value value) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return {};
  return dyn_cast<DenseElementsAttr>(attr);
}

quant::UniformQuantizedPerAxisType getPerAxis(Value value) {
  return dyn_cast<quant::UniformQuantizedPerAxisType>(
      getTensorType(value).getElementType());
}

/// The stored integers of a quantized tensor (what ONNX holds); other values
/// unchanged.
Value toStorage(OpBinder &b, Value value) {
  RankedTensorType type = getTensorType(value);
  auto qtype = dyn_cast<quant::QuantizedType>(type.getElementType());
  if (!qtype)
    return value;
  auto storage = IntegerType::get(
      b.getContext(), qtype.getStorageTypeIntegralWidth(),
      qtype.isSigned() ? IntegerType::Signless : IntegerType::Unsigned);
  return b.create<StorageCastOp>(
      RankedTensorType::get(type.getShape(), storage), value);
}

/// qnt.reshape, which has no per-axis form: a per-axis tensor is reshaped
/// as its stored integers.
Value reshapeData(OpBinder &b, Value value, ArrayRef<int64_t> shape) {
  if (getTensorType(value).getShape() == shape)
    return value;
  if (getPerAxis(value))
    value = toStorage(b, value);
  return b.reshape(value, shape);
}

/// qnt.slice reading `counts[k]` elements from `offsets[k]` in steps of
/// `strides[k]` along each dimension k. Offsets must be in bounds where a
/// count is non-zero.
Value slice(OpBinder &b, Value input, ArrayRef<int64_t> offsets,
            ArrayRef<int64_t> strides, ArrayRef<int64_t> counts) {
  Type element = getTensorType(input).getElementType();
  if (auto perAxis = getPerAxis(input)) {
    int32_t d = perAxis.getQuantizedDimension();
    if (counts[d] == 0) {
      // A per-axis type has at least one scale.
      input = toStorage(b, input);
      element = getTensorType(input).getElementType();
    } else {
      SmallVector<int64_t> selected;
      for (int64_t i = 0; i < counts[d]; ++i)
        selected.push_back(offsets[d] + i * strides[d]);
      element = selectSlices(perAxis, selected, d);
    }
  }
  return b.create<SliceOp>(RankedTensorType::get(counts, element), input,
                           offsets, strides);
}

/// qnt.slice along one axis, taking all of the other dimensions.
Value sliceAxis(OpBinder &b, Value input, int64_t axis, int64_t offset,
                int64_t stride, int64_t count) {
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  SmallVector<int64_t> offsets(shape.size(), 0), strides(shape.size(), 1);
  SmallVector<int64_t> counts(shape);
  offsets[axis] = count == 0 ? 0 : offset;
  strides[axis] = count == 0 ? 1 : stride;
  counts[axis] = count;
  return slice(b, input, offsets, strides, counts);
}

/// The row-major elements of a constant as raw bytes, splats expanded.
/// Only for element types of whole bytes.
std::vector<char> rawElements(DenseElementsAttr values) {
  ArrayRef<char> raw = values.getRawData();
  if (!values.isSplat())
    return std::vector<char>(raw.begin(), raw.end());
  size_t bytes = values.getElementType().getIntOrFloatBitWidth() / 8;
  std::vector<char> expanded(values.getNumElements() * bytes);
  for (size_t i = 0; i < expanded.size(); i += bytes)
    std::memcpy(&expanded[i], raw.data(), bytes);
  return expanded;
}

/// Concatenation of constants along `axis`; `shape` is the result's.
DenseElementsAttr concatConstants(ArrayRef<DenseElementsAttr> parts,
                                  int64_t axis, ArrayRef<int64_t> shape) {
  Type element = parts.front().getElementType();
  auto type = RankedTensorType::get(shape, element);
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1, e = shape.size(); d < e; ++d)
    inner *= shape[d];
  unsigned bits = element.getIntOrFloatBitWidth();
  if (bits % 8 == 0) {
    size_t bytes = bits / 8;
    std::vector<std::vector<char>> raw;
    for (DenseElementsAttr part : parts)
      raw.push_back(rawElements(part));
    std::vector<char> result;
    result.reserve(type.getNumElements() * bytes);
    for (int64_t o = 0; o < outer; ++o)
      for (auto [part, data] : llvm::zip(parts, raw)) {
        size_t chunk = part.getType().getDimSize(axis) * inner * bytes;
        result.insert(result.end(), data.begin() + o * chunk,
                      data.begin() + (o + 1) * chunk);
      }
    return DenseElementsAttr::getFromRawBuffer(type, result);
  }
  // Sub-byte elements (i1, i4) are not addressable in the raw buffer.
  std::vector<SmallVector<Attribute>> values;
  for (DenseElementsAttr part : parts)
    values.emplace_back(part.getValues<Attribute>());
  SmallVector<Attribute> result;
  for (int64_t o = 0; o < outer; ++o)
    for (auto [part, data] : llvm::zip(parts, values)) {
      int64_t chunk = part.getType().getDimSize(axis) * inner;
      result.append(data.begin() + o * chunk, data.begin() + (o + 1) * chunk);
    }
  return DenseElementsAttr::get(type, result);
}

/// Concatenates `inputs` along `axis` (normalized), folding constants.
/// Inputs of different element types are joined as their stored integers
/// when they all have the same storage (ONNX concatenates those); so are
/// per-axis tensors joined along their quantized dimension.
FailureOr<Value> concat(OpBinder &b, SmallVector<Value> inputs, int64_t axis) {
  Type element = getTensorType(inputs.front()).getElementType();
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element);
  bool uniform = llvm::all_of(inputs, [&](Value v) {
    return getTensorType(v).getElementType() == element;
  });
  if (!uniform || (perAxis && perAxis.getQuantizedDimension() == axis)) {
    llvm::SmallDenseMap<Value, Value> stored;
    for (Value &input : inputs) {
      Value &cast = stored[input];
      if (!cast)
        cast = toStorage(b, input);
      input = cast;
    }
    element = getTensorType(inputs.front()).getElementType();
    for (Value input : inputs)
      if (getTensorType(input).getElementType() != element)
        return b.emitError() << "inputs must have one element type, got "
                             << getTensorType(inputs.front()) << " and "
                             << getTensorType(input);
  }
  ArrayRef<int64_t> first = getTensorType(inputs.front()).getShape();
  SmallVector<int64_t> shape(first);
  shape[axis] = 0;
  for (auto [index, input] : llvm::enumerate(inputs)) {
    ArrayRef<int64_t> s = getTensorType(input).getShape();
    if (s.size() != first.size())
      return b.emitError() << "input #" << index << " has rank " << s.size()
                           << " but input #0 has rank " << first.size();
    for (size_t d = 0; d < s.size(); ++d)
      if (static_cast<int64_t>(d) != axis && s[d] != first[d])
        return b.emitError() << "input #" << index << " has size " << s[d]
                             << " in dimension " << d << " but input #0 has "
                             << first[d] << "; only the concat axis may differ";
    shape[axis] += s[axis];
  }
  auto type = RankedTensorType::get(shape, element);
  if (inputs.size() == 1)
    return inputs.front();
  SmallVector<DenseElementsAttr> constants;
  for (Value input : inputs)
    if (DenseElementsAttr c = getConstant(input))
      constants.push_back(c);
  if (constants.size() == inputs.size())
    return Value(ConstantOp::create(b.getBuilder(), b.getLoc(), type,
                                    concatConstants(constants, axis, shape)));
  return b.create<ConcatOp>(type, inputs, static_cast<uint64_t>(axis));
}

/// Reads `axes` from input `index` (opset >= `inputSince`) or from the
/// attribute; `given` says whether the model provided them.
ParseResult readAxes(OpBinder &b, int64_t inputSince, unsigned index,
                     SmallVectorImpl<int64_t> &axes, bool &given) {
  axes.clear();
  if (b.getOpset() >= inputSince) {
    given = b.hasOperand(index);
    return failure(given && b.constantInts(index, "axes", axes));
  }
  given = b.hasAttr("axes");
  return failure(given && b.intsAttr("axes", axes));
}

//===----------------------------------------------------------------------===//
// Constant, Shape
//===----------------------------------------------------------------------===//

LogicalResult convertConstant(OpBinder &b) {
  OpBuilder &builder = b.getBuilder();
  DenseElementsAttr value;
  if (b.hasAttr("value")) {
    if (b.tensorAttr("value", value))
      return failure();
  } else if (b.hasAttr("value_float")) {
    float v;
    if (b.floatAttr("value_float", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getF32Type()), v);
  } else if (b.hasAttr("value_floats")) {
    SmallVector<float> v;
    if (b.floatsAttr("value_floats", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              builder.getF32Type()),
        llvm::ArrayRef(v));
  } else if (b.hasAttr("value_int")) {
    int64_t v;
    if (b.intAttr("value_int", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getI64Type()), v);
  } else if (b.hasAttr("value_ints")) {
    SmallVector<int64_t> v;
    if (b.intsAttr("value_ints", v))
      return failure();
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(v.size())},
                              builder.getI64Type()),
        llvm::ArrayRef(v));
  } else {
    return b.unsupported("Constant without value, value_float(s) or "
                         "value_int(s) (sparse and string constants)");
  }
  b.setResult(0,
              ConstantOp::create(builder, b.getLoc(), value.getType(), value));
  return success();
}

/// Shape (opset 1; 15 adds start and end): the static shape as an i64
/// constant.
LogicalResult convertShape(OpBinder &b) {
  Value input;
  int64_t start, end;
  if (b.tensorOperand(0, input))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  if (b.intAttr("start", start, 0) || b.intAttr("end", end, rank))
    return failure();
  // Negative values count from the back; both are clamped to [0, rank].
  auto clampIndex = [&](int64_t i) {
    return std::clamp<int64_t>(i < 0 ? i + rank : i, 0, rank);
  };
  start = clampIndex(start);
  end = std::max(start, clampIndex(end));
  SmallVector<int64_t> dims(shape.begin() + start, shape.begin() + end);
  auto type = RankedTensorType::get({end - start}, b.getBuilder().getI64Type());
  b.setResult(0,
              ConstantOp::create(b.getBuilder(), b.getLoc(), type,
                                 DenseElementsAttr::get(type, ArrayRef(dims))));
  return success();
}

//===----------------------------------------------------------------------===//
// Reshape, Flatten, Squeeze, Unsqueeze, Transpose
//===----------------------------------------------------------------------===//

/// Reshape to `shape`, where 0 copies the input's dimension (unless
/// allowzero) and one -1 is inferred.
LogicalResult reshapeTo(OpBinder &b, Value input, SmallVector<int64_t> shape,
                        bool allowZero) {
  RankedTensorType type = getTensorType(input);
  int64_t known = 1, inferred = -1;
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (dim == 0 && !allowZero) {
      if (i >= static_cast<size_t>(type.getRank()))
        return b.emitError()
               << "shape entry " << i << " copies a dimension the input lacks";
      dim = type.getDimSize(i);
    }
    if (dim == -1) {
      if (inferred >= 0)
        return b.emitError() << "shape has more than one -1";
      inferred = i;
      continue;
    }
    if (dim < 0)
      return b.emitError() << "shape has invalid entry " << dim;
    if (llvm::MulOverflow(known, dim, known))
      return b.emitError() << "shape has too many elements";
  }
  int64_t total = type.getNumElements();
  if (inferred >= 0) {
    if (known == 0 || total % known != 0)
      return b.emitError() << "cannot infer the -1 entry: " << total
                           << " elements do not divide into " << known;
    shape[inferred] = total / known;
  } else if (known != total) {
    return b.emitError() << "cannot reshape " << total << " elements into "
                         << known;
  }
  b.setResult(0, reshapeData(b, input, shape));
  return success();
}

/// Reshape-1: the shape is an attribute.
LogicalResult convertReshapeV1(OpBinder &b) {
  Value input;
  SmallVector<int64_t> shape;
  if (b.tensorOperand(0, input) || b.intsAttr("shape", shape))
    return failure();
  return reshapeTo(b, input, shape, /*allowZero=*/false);
}

/// Reshape-5: the shape is an input; 14 adds allowzero.
LogicalResult convertReshape(OpBinder &b) {
  Value input;
  SmallVector<int64_t> shape;
  int64_t allowZero;
  if (b.tensorOperand(0, input) || b.constantInts(1, "shape", shape) ||
      b.intAttr("allowzero", allowZero, 0))
    return failure();
  return reshapeTo(b, input, shape, allowZero != 0);
}

LogicalResult convertFlatten(OpBinder &b) {
  Value input;
  int64_t axis;
  if (b.tensorOperand(0, input) || b.intAttr("axis", axis, 1))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  // Flatten's axis may equal the rank.
  if (axis < -rank || axis > rank)
    return b.emitError() << "axis " << axis << " is out of range for rank "
                         << rank;
  if (axis < 0)
    axis += rank;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < axis ? outer : inner) *= shape[i];
  b.setResult(0, reshapeData(b, input, {outer, inner}));
  return success();
}

/// Squeeze (axes attribute before opset 13, input from 13): removes the
/// listed dimensions of size 1, or every dimension of size 1.
LogicalResult convertSqueeze(OpBinder &b) {
  Value input;
  SmallVector<int64_t> axes;
  bool given;
  if (b.tensorOperand(0, input) || readAxes(b, 13, 1, axes, given))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  SmallVector<bool> drop(rank, false);
  if (axes.empty()) {
    for (int64_t d = 0; d < rank; ++d)
      drop[d] = shape[d] == 1;
  } else {
    if (normalizeAxes(b, axes, rank))
      return failure();
    for (int64_t axis : axes) {
      if (shape[axis] != 1)
        return b.emitError() << "cannot squeeze dimension " << axis
                             << " of size " << shape[axis];
      drop[axis] = true;
    }
  }
  SmallVector<int64_t> result;
  for (int64_t d = 0; d < rank; ++d)
    if (!drop[d])
      result.push_back(shape[d]);
  b.setResult(0, reshapeData(b, input, result));
  return success();
}

/// Unsqueeze (axes attribute before opset 13, input from 13): inserts
/// dimensions of size 1 at the listed positions of the result.
LogicalResult convertUnsqueeze(OpBinder &b) {
  Value input;
  SmallVector<int64_t> axes;
  bool given;
  if (b.tensorOperand(0, input) || readAxes(b, 13, 1, axes, given))
    return failure();
  if (!given)
    return b.emitError() << (b.getOpset() >= 13 ? "input #1 (axes)"
                                                : "attribute 'axes'")
                         << " is required";
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size() + axes.size();
  if (normalizeAxes(b, axes, rank))
    return failure();
  SmallVector<int64_t> result;
  const int64_t *next = shape.begin();
  for (int64_t d = 0; d < rank; ++d)
    result.push_back(llvm::is_contained(axes, d) ? 1 : *next++);
  b.setResult(0, reshapeData(b, input, result));
  return success();
}

LogicalResult convertTranspose(OpBinder &b) {
  Value input;
  if (b.tensorOperand(0, input))
    return failure();
  int64_t rank = getTensorType(input).getRank();
  SmallVector<int64_t> reversed(llvm::reverse(llvm::seq<int64_t>(0, rank)));
  SmallVector<int64_t> perm;
  if (b.intsAttr("perm", perm, ArrayRef<int64_t>(reversed)))
    return failure();
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm.size()) != rank ||
      llvm::any_of(perm, [&](int64_t p) {
        return p < 0 || p >= rank || std::exchange(seen[p], true);
      }))
    return b.emitError() << "perm is not a permutation of [0, " << rank << ")";
  b.setResult(0, b.transpose(input, perm));
  return success();
}

//===----------------------------------------------------------------------===//
// Concat, Split, Slice, Gather
//===----------------------------------------------------------------------===//

/// Concat: `axis` defaults to 1 in opset 1 and is required from opset 4.
LogicalResult convertConcat(OpBinder &b) {
  if (b.getNumOperands() == 0)
    return b.emitError() << "needs at least one input";
  SmallVector<Value> inputs;
  for (unsigned i = 0, e = b.getNumOperands(); i < e; ++i) {
    Value input;
    if (b.tensorOperand(i, input))
      return failure();
    inputs.push_back(input);
  }
  int64_t axis;
  if (b.intAttr("axis", axis,
                b.getOpset() < 4 ? std::optional<int64_t>(1) : std::nullopt) ||
      normalizeAxis(b, axis, getTensorType(inputs.front()).getRank()))
    return failure();
  FailureOr<Value> result = concat(b, inputs, axis);
  if (failed(result))
    return failure();
  b.setResult(0, *result);
  return success();
}

/// Split: sizes from the `split` attribute (opsets 1-12; an input in opset
/// 1 too) or input (13+), else `num_outputs` (18+), else equal parts, one
/// per output.
LogicalResult convertSplit(OpBinder &b) {
  Value input;
  int64_t axis;
  if (b.tensorOperand(0, input) || b.intAttr("axis", axis, 0))
    return failure();
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  if (normalizeAxis(b, axis, shape.size()))
    return failure();
  int64_t size = shape[axis], outputs = b.getNumResults();
  SmallVector<int64_t> sizes;
  bool given = false;
  if (b.getOpset() >= 13 || (b.getOpset() < 2 && b.hasOperand(1))) {
    given = b.hasOperand(1);
    if (given && b.constantInts(1, "split", sizes))
      return failure();
  } else if (b.hasAttr("split")) {
    given = true;
    if (b.intsAttr("split", sizes))
      return failure();
  }
  if (given && b.hasAttr("num_outputs"))
    return b.emitError() << "split and num_outputs are mutually exclusive";
  if (!given && b.getOpset() >= 18 && b.hasAttr("num_outputs")) {
    int64_t parts;
    if (b.intAttr("num_outputs", parts))
      return failure();
    if (parts != outputs)
      return b.emitError() << "num_outputs is " << parts << " but the node has "
                           << outputs << " outputs";
    // Parts of ceil(size / parts), the last one smaller.
    int64_t chunk = parts > 0 ? llvm::divideCeil(size, parts) : 0;
    if (parts <= 0 || chunk * (parts - 1) > size)
      return b.emitError() << "cannot split dimension " << axis << " of size "
                           << size << " into " << parts << " parts";
    sizes.assign(parts, chunk);
    sizes.back() = size - chunk * (parts - 1);
  } else if (!given) {
    if (outputs == 0 || size % outputs != 0)
      return b.emitError() << "cannot split dimension " << axis << " of size "
                           << size << " into " << outputs << " equal parts";
    sizes.assign(outputs, size / outputs);
  }
  if (static_cast<int64_t>(sizes.size()) != outputs)
    return b.emitError() << "split has " << sizes.size()
                         << " entries but the node has " << outputs
                         << " outputs";
  int64_t offset = 0;
  for (int64_t s : sizes) {
    if (s < 0 || s > size - offset)
      return b.emitError() << "split sizes must be non-negative and sum to "
                           << size << ", the size of dimension " << axis;
    offset += s;
  }
  if (offset != size)
    return b.emitError() << "split sizes sum to " << offset << ", not " << size
                         << ", the size of dimension " << axis;
  offset = 0;
  for (auto [index, s] : llvm::enumerate(sizes)) {
    b.setResult(index, sliceAxis(b, input, axis, offset, 1, s));
    offset += s;
  }
  return success();
}

/// ONNX Slice on the inputs' values: negative starts and ends count from
/// the back, then are clamped ([0, size] for positive steps, [-1, size - 1]
/// for negative ones).
LogicalResult buildSlice(OpBinder &b, Value input, ArrayRef<int64_t> starts,
                         ArrayRef<int64_t> ends, SmallVector<int64_t> axes,
                         ArrayRef<int64_t> steps) {
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  size_t n = starts.size();
  if (axes.empty())
    axes.append(llvm::to_vector(llvm::seq<int64_t>(0, n)));
  if (ends.size() != n || axes.size() != n || steps.size() != n)
    return b.emitError() << "starts, ends, axes and steps must have the same "
                            "length, got "
                         << n << ", " << ends.size() << ", " << axes.size()
                         << " and " << steps.size();
  if (normalizeAxes(b, axes, rank))
    return failure();
  SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
  SmallVector<int64_t> counts(shape);
  for (size_t i = 0; i < n; ++i) {
    int64_t axis = axes[i], dim = shape[axis], step = steps[i];
    if (step == 0)
      return b.emitError() << "steps must be non-zero";
    int64_t start = starts[i] < 0 ? starts[i] + dim : starts[i];
    int64_t end = ends[i] < 0 ? ends[i] + dim : ends[i];
    int64_t count;
    if (dim == 0) {
      count = 0;
    } else if (step > 0) {
      start = std::clamp<int64_t>(start, 0, dim);
      end = std::clamp<int64_t>(end, 0, dim);
      count = end > start ? (end - start - 1) / step + 1 : 0;
    } else {
      start = std::clamp<int64_t>(start, 0, dim - 1);
      end = std::clamp<int64_t>(end, -1, dim - 1);
      // -step overflows for INT64_MIN; any range then holds one element.
      count = start <= end ? 0
              : step == std::numeric_limits<int64_t>::min()
                  ? 1
                  : (start - end - 1) / -step + 1;
    }
    offsets[axis] = count == 0 ? 0 : start;
    strides[axis] = count == 0 ? 1 : step;
    counts[axis] = count;
  }
  b.setResult(0, slice(b, input, offsets, strides, counts));
  return success();
}

/// Slice-1: starts, ends and axes are attributes; steps are 1.
LogicalResult convertSliceV1(OpBinder &b) {
  Value input;
  SmallVector<int64_t> starts, ends, axes;
  if (b.tensorOperand(0, input) || b.intsAttr("starts", starts) ||
      b.intsAttr("ends", ends) || b.intsAttr("axes", axes, ArrayRef<int64_t>()))
    return failure();
  SmallVector<int64_t> steps(starts.size(), 1);
  return buildSlice(b, input, starts, ends, axes, steps);
}

/// Slice-10: starts, ends, axes and steps are inputs.
LogicalResult convertSlice(OpBinder &b) {
  Value input;
  SmallVector<int64_t> starts, ends, axes, steps;
  if (b.tensorOperand(0, input) || b.constantInts(1, "starts", starts) ||
      b.constantInts(2, "ends", ends) ||
      (b.hasOperand(3) && b.constantInts(3, "axes", axes)) ||
      (b.hasOperand(4) && b.constantInts(4, "steps", steps)))
    return failure();
  if (!b.hasOperand(4))
    steps.assign(starts.size(), 1);
  return buildSlice(b, input, starts, ends, axes, steps);
}

/// Gather with constant indices (negative ones count from the back); a
/// constant input folds to a constant.
/// Gather whose indices are computed at run time (an embedding lookup).
LogicalResult convertGatherDynamic(OpBinder &b, Value input, Value indices,
                                   int64_t axis) {
  RankedTensorType type = getTensorType(input);
  RankedTensorType indicesType = getTensorType(indices);
  if (!indicesType.getElementType().isSignlessInteger(32) &&
      !indicesType.getElementType().isSignlessInteger(64))
    return b.emitError() << "indices must be int32 or int64, got "
                         << indicesType;
  SmallVector<int64_t> shape(type.getShape().take_front(axis));
  llvm::append_range(shape, indicesType.getShape());
  llvm::append_range(shape, type.getShape().drop_front(axis + 1));
  Type element = type.getElementType();
  if (auto perAxis = getPerAxis(input)) {
    int32_t d = perAxis.getQuantizedDimension();
    if (d == axis) {
      // The gathered slices' parameters are unknown until run time.
      input = toStorage(b, input);
      element = getTensorType(input).getElementType();
    } else if (d > axis) {
      element = withQuantizedDimension(perAxis, d + indicesType.getRank() - 1);
    }
  }
  b.setResult(
      0, b.create<GatherDynamicOp>(RankedTensorType::get(shape, element), input,
                                   indices, static_cast<uint64_t>(axis)));
  return success();
}

LogicalResult convertGather(OpBinder &b) {
  Value input, indicesValue;
  int64_t axis;
  if (b.tensorOperand(0, input) || b.intAttr("axis", axis, 0) ||
      b.tensorOperand(1, indicesValue))
    return failure();
  RankedTensorType type = getTensorType(input);
  if (normalizeAxis(b, axis, type.getRank()))
    return failure();
  DenseElementsAttr indicesAttr;
  if (!matchPattern(indicesValue, m_Constant(&indicesAttr)))
    return convertGatherDynamic(b, input, indicesValue, axis);
  auto intType = dyn_cast<IntegerType>(indicesAttr.getElementType());
  if (!intType)
    return b.emitError() << "indices must be integers, got "
                         << indicesAttr.getType();
  int64_t size = type.getDimSize(axis);
  SmallVector<int64_t> indices;
  for (const APInt &raw : indicesAttr.getValues<APInt>()) {
    int64_t index = intType.isUnsigned()
                        ? static_cast<int64_t>(raw.getZExtValue())
                        : raw.getSExtValue();
    if (index < -size || index >= size)
      return b.emitError() << "index " << index
                           << " is out of range for dimension " << axis
                           << " of size " << size;
    indices.push_back(index < 0 ? index + size : index);
  }
  ArrayRef<int64_t> indexShape = indicesAttr.getType().getShape();
  auto i64Indices = DenseIntElementsAttr::get(
      RankedTensorType::get(indexShape, b.getBuilder().getI64Type()),
      ArrayRef(indices));

  SmallVector<int64_t> shape(type.getShape().take_front(axis));
  llvm::append_range(shape, indexShape);
  llvm::append_range(shape, type.getShape().drop_front(axis + 1));
  int64_t m = indexShape.size();
  Type element = type.getElementType();
  if (auto perAxis = getPerAxis(input)) {
    int32_t d = perAxis.getQuantizedDimension();
    if (d > axis)
      element = withQuantizedDimension(perAxis, d + m - 1);
    else if (d == axis && m == 1 && !indices.empty())
      element = selectSlices(perAxis, indices, d);
    else if (d == axis) {
      // Gathered slices no longer form one quantized dimension.
      input = toStorage(b, input);
      element = getTensorType(input).getElementType();
    }
  }
  b.setResult(0,
              b.create<GatherOp>(RankedTensorType::get(shape, element), input,
                                 static_cast<uint64_t>(axis), i64Indices));
  return success();
}

//===----------------------------------------------------------------------===//
// Pad
//===----------------------------------------------------------------------===//

/// Wrap padding along one axis as a concat of slices: output position i
/// reads input (i - begin) mod size.
FailureOr<Value> wrapPad(OpBinder &b, Value input, int64_t axis, int64_t begin,
                         int64_t end) {
  int64_t size = getTensorType(input).getDimSize(axis);
  if (size == 0)
    return b.emitError() << "wrap padding needs a non-empty dimension " << axis;
  // One slice per repetition of the dimension.
  if ((begin + end) / size > 64)
    return b.unsupported("wrap padding of " + Twine(begin + end) +
                         " around dimension " + Twine(axis) + " of size " +
                         Twine(size) + " (more than 64 repetitions)");
  SmallVector<Value> pieces;
  int64_t position = 0, total = begin + size + end;
  while (position < total) {
    int64_t from = ((position - begin) % size + size) % size;
    int64_t count = std::min(size - from, total - position);
    pieces.push_back(sliceAxis(b, input, axis, from, 1, count));
    position += count;
  }
  return concat(b, pieces, axis);
}

/// Pad with ONNX's `pads` (all begins, then all ends, one pair per entry of
/// `axes`). Negative pads crop first; then qnt.pad (or slices for wrap)
/// adds the positive ones. Cropping first is what padding first and
/// cropping after computes whenever the padding reads only elements the
/// crop keeps; other cases are rejected.
LogicalResult buildPad(OpBinder &b, Value input, ArrayRef<int64_t> onnxPads,
                       SmallVector<int64_t> axes, StringRef mode, float value) {
  ArrayRef<int64_t> shape = getTensorType(input).getShape();
  int64_t rank = shape.size();
  if (axes.empty())
    axes.append(llvm::to_vector(llvm::seq<int64_t>(0, rank)));
  else if (normalizeAxes(b, axes, rank))
    return failure();
  size_t n = axes.size();
  if (onnxPads.size() != 2 * n)
    return b.emitError() << "pads must have " << 2 * n
                         << " values (begins, then ends), got "
                         << onnxPads.size();
  std::optional<PadMode> padMode = symbolizePadMode(mode);
  if (mode == "wrap")
    padMode.reset();
  else if (!padMode)
    return b.emitError() << "mode '" << mode
                         << "' is not one of constant, reflect, edge, wrap";

  // Bounds keep every size computation below far from overflow.
  constexpr int64_t kMaxPad = int64_t(1) << 40;
  if (llvm::any_of(onnxPads,
                   [&](int64_t p) { return p > kMaxPad || p < -kMaxPad; }))
    return b.emitError() << "pads must lie in [-2^40, 2^40]";
  SmallVector<int64_t> begin(rank, 0), end(rank, 0);
  for (size_t i = 0; i < n; ++i) {
    begin[axes[i]] = onnxPads[i];
    end[axes[i]] = onnxPads[i + n];
  }
  SmallVector<int64_t> offsets(rank, 0), strides(rank, 1), counts(shape);
  bool crop = false;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t cropBegin = std::max<int64_t>(0, -begin[d]);
    int64_t cropEnd = std::max<int64_t>(0, -end[d]);
    if (cropBegin > shape[d] || cropEnd > shape[d] - cropBegin)
      return b.emitError() << "negative pads remove " << cropBegin + cropEnd
                           << " elements of dimension " << d << " of size "
                           << shape[d];
    if (cropBegin == 0 && cropEnd == 0)
      continue;
    crop = true;
    offsets[d] = cropBegin;
    counts[d] = shape[d] - cropBegin - cropEnd;
    begin[d] = std::max<int64_t>(0, begin[d]);
    end[d] = std::max<int64_t>(0, end[d]);
    if (begin[d] + end[d] == 0 || mode == "constant")
      continue;
    if (mode == "wrap")
      return b.unsupported("wrap padding that crops one side of dimension " +
                           Twine(d) + " and pads the other");
    if ((mode == "reflect" && std::max(begin[d], end[d]) >= counts[d]) ||
        counts[d] == 0)
      return b.unsupported(mode + " padding of dimension " + Twine(d) +
                           " that reads elements the negative pads remove");
  }
  if (crop)
    input = slice(b, input, offsets, strides, counts);
  shape = getTensorType(input).getShape();

  if (!padMode) {
    for (int64_t d = 0; d < rank; ++d) {
      if (begin[d] == 0 && end[d] == 0)
        continue;
      FailureOr<Value> padded = wrapPad(b, input, d, begin[d], end[d]);
      if (failed(padded))
        return failure();
      input = *padded;
    }
    b.setResult(0, input);
    return success();
  }

  SmallVector<int64_t> pads(begin);
  llvm::append_range(pads, end);
  SmallVector<int64_t> resultShape;
  for (int64_t d = 0; d < rank; ++d) {
    if (*padMode == PadMode::reflect &&
        (begin[d] >= shape[d] || end[d] >= shape[d]) && begin[d] + end[d] > 0)
      return b.unsupported("reflect padding of " +
                           Twine(std::max(begin[d], end[d])) +
                           " in dimension " + Twine(d) + " of size " +
                           Twine(shape[d]) + "; it must be smaller");
    if (*padMode == PadMode::edge && shape[d] == 0 && begin[d] + end[d] > 0)
      return b.emitError() << "edge padding needs a non-empty dimension " << d;
    resultShape.push_back(begin[d] + shape[d] + end[d]);
  }
  if (*padMode != PadMode::constant)
    value = 0.0f;
  auto type =
      RankedTensorType::get(resultShape, getTensorType(input).getElementType());
  b.setResult(
      0, b.create<PadOp>(type, input, pads, *padMode, llvm::APFloat(value)));
  return success();
}

/// The real value qnt.pad fills `input` with for ONNX's constant_value
/// (given in the input's element type: a stored integer for quantized
/// tensors). A per-axis tensor is padded as its stored integers.
FailureOr<float> padValue(OpBinder &b, Value &input, DenseElementsAttr attr) {
  if (!attr)
    return 0.0f;
  if (attr.getNumElements() != 1)
    return b.emitError() << "constant_value must have one element, got "
                         << attr.getType();
  if (getPerAxis(input))
    input = toStorage(b, input);
  Type element = getTensorType(input).getElementType();
  auto qtype = dyn_cast<quant::UniformQuantizedType>(element);
  Type storage = qtype ? qtype.getStorageType() : element;
  if (attr.getElementType() != storage &&
      !(isa<IntegerType>(storage) && isa<IntegerType>(attr.getElementType()) &&
        storage.getIntOrFloatBitWidth() ==
            attr.getElementType().getIntOrFloatBitWidth()))
    return b.emitError() << "constant_value of type " << attr.getType()
                         << " does not match the input's element type "
                         << element;
  if (element.isF32())
    return *attr.getValues<float>().begin();
  auto intType = cast<IntegerType>(attr.getElementType());
  APInt raw = *attr.getValues<APInt>().begin();
  bool isUnsigned = qtype ? !qtype.isSigned() : intType.isUnsigned();
  int64_t stored = isUnsigned || intType.getWidth() == 1
                       ? static_cast<int64_t>(raw.getZExtValue())
                       : raw.getSExtValue();
  if (qtype)
    return static_cast<float>(stored - qtype.getZeroPoint()) *
           static_cast<float>(qtype.getScale());
  if (intType.getWidth() == 1 && stored != 0)
    return b.unsupported("padding a bool tensor with true");
  float asFloat = static_cast<float>(stored);
  if (static_cast<double>(asFloat) != static_cast<double>(stored))
    return b.unsupported("constant_value " + Twine(stored) +
                         " is not exactly representable in f32");
  return asFloat;
}

/// Pad-1 (`paddings`) and Pad-2 (`pads`): attributes, f32 `value`.
LogicalResult convertPadV2(OpBinder &b) {
  Value input;
  SmallVector<int64_t> pads;
  std::string mode;
  float value;
  if (b.floatOperand(0, input) ||
      b.intsAttr(b.getOpset() < 2 ? "paddings" : "pads", pads) ||
      b.stringAttr("mode", mode, StringRef("constant")) ||
      b.floatAttr("value", value, 0.0f))
    return failure();
  if (mode == "wrap")
    return b.emitError() << "mode 'wrap' needs opset 19";
  return buildPad(b, input, pads, {}, mode, value);
}

/// Pad-11: pads and constant_value are inputs; 18 adds axes, 19 wrap mode.
LogicalResult convertPad(OpBinder &b) {
  Value input;
  SmallVector<int64_t> pads, axes;
  std::string mode;
  DenseElementsAttr constantValue;
  if (b.tensorOperand(0, input) || b.constantInts(1, "pads", pads) ||
      b.stringAttr("mode", mode, StringRef("constant")) ||
      (b.hasOperand(2) &&
       b.constantOperand(2, "constant_value", constantValue)) ||
      (b.getOpset() >= 18 && b.hasOperand(3) &&
       b.constantInts(3, "axes", axes)))
    return failure();
  if (mode == "wrap" && b.getOpset() < 19)
    return b.emitError() << "mode 'wrap' needs opset 19";
  FailureOr<float> value =
      padValue(b, input, mode == "constant" ? constantValue : nullptr);
  if (failed(value))
    return failure();
  return buildPad(b, input, pads, axes, mode, *value);
}

//===----------------------------------------------------------------------===//
// ReduceMean
//===----------------------------------------------------------------------===//

/// ReduceMean: axes attribute (opsets 1-17) or input (18+, with
/// noop_with_empty_axes); no axes reduce every dimension.
LogicalResult convertReduceMean(OpBinder &b) {
  Value input;
  SmallVector<int64_t> axes;
  bool given;
  int64_t keepDims, noopWithEmptyAxes;
  if (b.tensorOperand(0, input) || readAxes(b, 18, 1, axes, given) ||
      b.intAttr("keepdims", keepDims, 1) ||
      b.intAttr("noop_with_empty_axes", noopWithEmptyAxes, 0))
    return failure();
  RankedTensorType type = getTensorType(input);
  if (!type.getElementType().isF32())
    return b.unsupported(isa<quant::QuantizedType>(type.getElementType())
                             ? "ReduceMean of a quantized tensor (ONNX "
                               "averages its stored integers)"
                             : "ReduceMean of an integer tensor");
  int64_t rank = type.getRank();
  if (axes.empty()) {
    if (noopWithEmptyAxes != 0 && b.getOpset() >= 18) {
      b.setResult(0, input);
      return success();
    }
    axes.append(llvm::to_vector(llvm::seq<int64_t>(0, rank)));
  } else if (normalizeAxes(b, axes, rank)) {
    return failure();
  }
  llvm::sort(axes);
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    bool reduced = llvm::is_contained(axes, d);
    if (reduced && type.getDimSize(d) == 0)
      return b.unsupported("the mean of an empty dimension " + Twine(d));
    if (!reduced)
      shape.push_back(type.getDimSize(d));
    else if (keepDims)
      shape.push_back(1);
  }
  if (rank == 0) {
    b.setResult(0, input);
    return success();
  }
  b.setResult(0, b.create<ReduceMeanOp>(
                     RankedTensorType::get(shape, type.getElementType()), input,
                     axes, keepDims != 0));
  return success();
}

} // namespace

void mlir::quantc::onnx_import::populateShapeHandlers(OpRegistry &registry) {
  registry.on("Concat", 1, convertConcat);
  registry.on("Concat", 4, convertConcat);
  registry.on("Constant", 1, convertConstant);
  registry.on("Flatten", 1, convertFlatten);
  registry.on("Gather", 1, convertGather);
  registry.on("Pad", 1, convertPadV2);
  registry.on("Pad", 11, convertPad);
  registry.on("ReduceMean", 1, convertReduceMean);
  registry.on("ReduceMean", 18, convertReduceMean);
  registry.on("Reshape", 1, convertReshapeV1);
  registry.on("Reshape", 5, convertReshape);
  registry.on("Shape", 1, convertShape);
  registry.on("Shape", 15, convertShape);
  registry.on("Slice", 1, convertSliceV1);
  registry.on("Slice", 10, convertSlice);
  registry.on("Split", 1, convertSplit);
  registry.on("Split", 13, convertSplit);
  registry.on("Split", 18, convertSplit);
  registry.on("Squeeze", 1, convertSqueeze);
  registry.on("Squeeze", 13, convertSqueeze);
  registry.on("Transpose", 1, convertTranspose);
  registry.on("Unsqueeze", 1, convertUnsqueeze);
  registry.on("Unsqueeze", 13, convertUnsqueeze);
}
