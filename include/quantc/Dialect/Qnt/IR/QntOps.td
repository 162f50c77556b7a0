//===- QntOps.td - Ops of the qnt dialect ------------------*- tablegen -*-===//
//
// Every op's description is its specification: the formula it computes, the
// constraints its verifier enforces, and an example.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTOPS_TD

include "quantc/Dialect/Qnt/IR/QntDialect.td"
include "quantc/Dialect/Qnt/IR/QntEnums.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

//===----------------------------------------------------------------------===//
// Constants and domain crossings
//===----------------------------------------------------------------------===//

def Qnt_ConstantOp : Qnt_Op<"constant", [ConstantLike, Pure]> {
  let summary = "A constant float or quantized tensor";
  let description = [{
    Materializes `value` as a tensor of the result type. For a float result,
    `value` has the result type. For a quantized result, `value` holds the
    stored integers: its element type is the signless integer of the storage
    width, and every element lies in the storage range
    `[storage_min, storage_max]` (read as unsigned for unsigned storage).

    ```mlir
    %w = qnt.constant dense<[[1, -2]]> : tensor<1x2xi8>
           -> tensor<1x2x!quant.uniform<i8:f32, 0.5>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Qnt_AnyTensor:$result);
  let assemblyFormat = "$value attr-dict `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_QuantizeOp : Qnt_Op<"quantize", [Pure]> {
  let summary = "Real values to a uniformly quantized tensor (ONNX QuantizeLinear)";
  let description = [{
    `q = saturate(round_half_to_even(x / scale) + zero_point)`, with the
    division done in f32 and `saturate` clamping to the storage range, as in
    ONNX QuantizeLinear. For a per-axis result type, `scale` and
    `zero_point` are those of the element's slice along the quantized
    dimension.

    Constraints: input and result have the same shape; the result's expressed
    type is the input's element type.

    ```mlir
    %q = qnt.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input);
  let results = (outs Qnt_QuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Qnt_DequantizeOp : Qnt_Op<"dequantize", [Pure]> {
  let summary = "A uniformly quantized tensor to real values (ONNX DequantizeLinear)";
  let description = [{
    `x = (q - zero_point) * scale`, computed in f32 as in ONNX
    DequantizeLinear. For a per-axis input type, `scale` and `zero_point` are
    those of the element's slice along the quantized dimension.

    `dequantize(quantize(x))` is not `x`: it rounds `x` to the quantization
    grid, so it is never folded away.

    Constraints: input and result have the same shape; the result's element
    type is the input's expressed type.

    ```mlir
    %x = qnt.dequantize %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Qnt_QuantizedTensor:$input);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_RequantizeOp : Qnt_Op<"requantize", [Pure]> {
  let summary = "Changes the quantization parameters of a tensor";
  let description = [{
    `q_out = saturate(round_half_to_even((q_in - zp_in) * s_in / s_out) + zp_out)`
    in exact real arithmetic: the value of `quantize(dequantize(q_in))`
    with one rounding. How code generation evaluates the multiplier
    `s_in / s_out` (float or fixed point) is the requantization contract of
    docs/Numerics.md.

    Constraints: input and result have the same shape and expressed type; if
    both are per-axis, along the same dimension.

    ```mlir
    %r = qnt.requantize %q : tensor<4x!quant.uniform<i32:f32, 0.01>>
           -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
    ```
  }];
  let arguments = (ins Qnt_QuantizedTensor:$input);
  let results = (outs Qnt_QuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_StorageCastOp : Qnt_Op<"storage_cast", [Pure]> {
  let summary = "Reinterprets stored integers as a quantized tensor, or back";
  let description = [{
    Attaches quantization parameters to a tensor of integers, or strips
    them: the stored bits do not change. One side is an integer tensor, the
    other a quantized tensor whose storage has the integer's width; unsigned
    storage pairs with an unsigned integer type (`u8` with `ui8`), signed
    storage with a signless or signed one (`i8` with `i8`). ONNX's integer
    inputs and outputs of QLinear and Integer ops enter and leave the
    quantized domain through this op.

    ```mlir
    %q = qnt.storage_cast %a : tensor<2x4xui8> -> tensor<2x4x!quant.uniform<u8:f32, 1.0:3>>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_CastOp : Qnt_Op<"cast", [Pure]> {
  let summary = "Converts between f32, integer and small float element types (ONNX Cast)";
  let description = [{
    Elementwise conversion between `f32` and integer tensors, between
    integer types, or between `f32` and one of ONNX's small float types
    (`f16`, `bf16`, `f8E4M3FN`, `f8E4M3FNUZ`, `f8E5M2`, `f8E5M2FNUZ`,
    `f4E2M1FN`, `f8E8M0FNU`).
    Integer to integer wraps to the target width
    (two's complement, as ONNX and NumPy do); integer to f32 rounds to
    nearest even; f32 to integer truncates toward zero and saturates to
    the target range, NaN becoming 0; to `i1`, any non-zero value is true.
    A small float to f32 is exact.

    f32 to a small float rounds to nearest even. With `saturate` (the
    default, as ONNX's `saturate = 1`), a value whose magnitude rounds
    above the largest finite value, infinities included, becomes that
    largest finite value with its sign; without it, it becomes infinity
    where the type has one (`f8E5M2`) and NaN otherwise. NaN stays NaN.
    `f4E2M1FN` has neither infinity nor NaN: it always saturates, and NaN
    is not accepted by the folder. The FNUZ types have no negative zero.
    `f16` and `bf16` are IEEE formats: ONNX rounds to them with overflow to
    infinity, which is `saturate = false` (the importer's choice for them).
    `saturate` only matters for f32 to a small float.
    Input and result have the same shape.

    `f8E8M0FNU` holds only a biased exponent `e`, the value `2^(e - 127)`
    (`0xFF` is NaN). f32 converts to it as ONNX's Cast (opset 24) does, on
    the f32 bits and ignoring the sign: NaN and infinities become NaN; a
    value of biased exponent `e` (0 for zero and subnormals) and fraction
    bits `m` becomes `e`, plus 1 by `round_mode`:

    - `up` (the default): when `m` is not zero;
    - `down`: never;
    - `nearest`: when `m > 2^22` (the fraction is more than one half), or
      when `m = 2^22` (exactly one half) and `e > 0`.

    With `saturate`, `e = 254` is never incremented (the largest finite
    value); without it, the increment makes it NaN. `round_mode` only
    matters for f32 to `f8E8M0FNU`.

    ```mlir
    %y = qnt.cast %x {saturate = false} : tensor<4xf32> -> tensor<4xf8E4M3FN>
    %e = qnt.cast %x {round_mode = #qnt<round_mode nearest>}
         : tensor<4xf32> -> tensor<4xf8E8M0FNU>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input,
                       DefaultValuedAttr<BoolAttr, "true">:$saturate,
                       DefaultValuedAttr<Qnt_RoundModeAttr,
                                         "::mlir::quantc::RoundMode::up">:$round_mode);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Compute ops
//===----------------------------------------------------------------------===//

// The fused activation every compute op may carry: the real-valued result is
// clamped to [clamp_min, clamp_max] before it is quantized.
defvar Qnt_FusedClampArgs = (ins OptionalAttr<F32Attr>:$clamp_min,
                                 OptionalAttr<F32Attr>:$clamp_max);

def Qnt_Conv2DOp : Qnt_Op<"conv2d", [Pure]> {
  let summary = "2-D convolution, NHWC input and FHWC filter, grouped or depthwise";
  let description = [{
    ```
    out[n, oh, ow, f] = bias[f] + sum over kh, kw, c of
        in[n, oh*sh + kh*dh - pad_top, ow*sw + kw*dw - pad_left, g*Cg + c]
        * filter[f, kh, kw, c],   g = f / (F / groups), Cg = C / groups
    ```
    with zero outside the input, then clamped to `[clamp_min, clamp_max]`
    when those are set. Depthwise convolution is `groups = C`.

    Operands: `input` `[N, H, W, C]`, `filter` `[F, KH, KW, C / groups]`,
    optional `bias` `[F]`; result `[N, OH, OW, F]` with
    `OH = (H + pad_top + pad_bottom - dh * (KH - 1) - 1) / sh + 1` (floor)
    and likewise `OW`. `strides = [sh, sw]`, `dilations = [dh, dw]`,
    `pads = [pad_top, pad_left, pad_bottom, pad_right]`.

    Quantized form: input and filter have storage of at most 8 bits; the
    filter may be per-axis along dimension 0; the bias has i32 storage and
    scale `s_input * s_filter` (per output channel when the filter is
    per-axis) and zero point 0; the result may have any storage up to 32
    bits (i32 is the raw accumulator, as in ONNX ConvInteger).

    ```mlir
    %y = qnt.conv2d %x, %w, %b {strides = array<i64: 1, 1>,
           pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>,
           groups = 1 : i64}
         : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
         -> tensor<1x8x8x16xf32>
    ```
  }];
  let arguments = !con((ins Qnt_Tensor:$input, Qnt_Tensor:$filter,
                            Optional<Qnt_Tensor>:$bias,
                            DenseI64ArrayAttr:$strides,
                            DenseI64ArrayAttr:$pads,
                            DenseI64ArrayAttr:$dilations,
                            I64Attr:$groups), Qnt_FusedClampArgs);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:`
    `(` type($input) `,` type($filter) (`,` type($bias)^)? `)` `->` type($output)
  }];
  let hasVerifier = 1;
}

def Qnt_Conv3DOp : Qnt_Op<"conv3d", [Pure]> {
  let summary = "3-D convolution, NDHWC input and FDHWC filter, grouped";
  let description = [{
    `qnt.conv2d` with a depth dimension:

    ```
    out[n, od, oh, ow, f] = bias[f] + sum over kd, kh, kw, c of
        in[n, od*sd + kd*dd - pad_front, oh*sh + kh*dh - pad_top,
           ow*sw + kw*dw - pad_left, g*Cg + c]
        * filter[f, kd, kh, kw, c],   g = f / (F / groups), Cg = C / groups
    ```
    with zero outside the input, then clamped to `[clamp_min, clamp_max]`
    when those are set. Depthwise convolution is `groups = C`.

    Operands: `input` `[N, D, H, W, C]`, `filter` `[F, KD, KH, KW, C /
    groups]`, optional `bias` `[F]`; result `[N, OD, OH, OW, F]` with
    `OD = (D + pad_front + pad_back - dd * (KD - 1) - 1) / sd + 1` (floor)
    and likewise `OH` and `OW`. `strides = [sd, sh, sw]` and
    `dilations = [dd, dh, dw]` are positive; `pads = [pad_front, pad_top,
    pad_left, pad_back, pad_bottom, pad_right]` are non-negative.

    Only the float form exists: operands and result are f32 tensors.

    ```mlir
    %y = qnt.conv3d %x, %w, %b {strides = array<i64: 1, 1, 1>,
           pads = array<i64: 1, 1, 1, 1, 1, 1>,
           dilations = array<i64: 1, 1, 1>, groups = 1 : i64}
         : (tensor<1x4x8x8x3xf32>, tensor<16x3x3x3x3xf32>, tensor<16xf32>)
         -> tensor<1x4x8x8x16xf32>
    ```
  }];
  let arguments = !con((ins Qnt_Tensor:$input, Qnt_Tensor:$filter,
                            Optional<Qnt_Tensor>:$bias,
                            DenseI64ArrayAttr:$strides,
                            DenseI64ArrayAttr:$pads,
                            DenseI64ArrayAttr:$dilations,
                            I64Attr:$groups), Qnt_FusedClampArgs);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:`
    `(` type($input) `,` type($filter) (`,` type($bias)^)? `)` `->` type($output)
  }];
  let hasVerifier = 1;
}

def Qnt_MatMulOp : Qnt_Op<"matmul", [Pure]> {
  let summary = "Batched matrix product with broadcast batch dimensions (ONNX MatMul)";
  let description = [{
    `out[b..., m, n] = sum over k of lhs[b..., m, k] * rhs[b..., k, n]`, then
    clamped to `[clamp_min, clamp_max]` when set. Both operands have rank
    at least 2; their batch dimensions (all but the last two) broadcast as in
    NumPy, and the result's batch dimensions are the broadcast shape.

    Quantized form: operands have storage of at most 8 bits; `rhs` may be
    per-axis along its last dimension (the output column); the result may
    have any storage up to 32 bits (i32 as in ONNX MatMulInteger).

    ```mlir
    %y = qnt.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x3xf32>) -> tensor<2x4x3xf32>
    ```
  }];
  let arguments = !con((ins Qnt_Tensor:$lhs, Qnt_Tensor:$rhs), Qnt_FusedClampArgs);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($output)
  }];
  let hasVerifier = 1;
}

def Qnt_FullyConnectedOp : Qnt_Op<"fully_connected", [Pure]> {
  let summary = "Dense layer: input times transposed weight plus bias (ONNX Gemm)";
  let description = [{
    `out[m, n] = bias[n] + sum over k of input[m, k] * weight[n, k]`, then
    clamped to `[clamp_min, clamp_max]` when set. ONNX Gemm's `transA`,
    `alpha` and `beta` are folded into the operands at import.

    Operands: `input` `[M, K]`, `weight` `[N, K]`, optional `bias` `[N]`;
    result `[M, N]`. Quantized form as for `qnt.conv2d`, with the weight
    per-axis along dimension 0.

    ```mlir
    %y = qnt.fully_connected %x, %w, %b
         : (tensor<1x784xf32>, tensor<10x784xf32>, tensor<10xf32>) -> tensor<1x10xf32>
    ```
  }];
  let arguments = !con((ins Qnt_Tensor:$input, Qnt_Tensor:$weight,
                            Optional<Qnt_Tensor>:$bias), Qnt_FusedClampArgs);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:`
    `(` type($input) `,` type($weight) (`,` type($bias)^)? `)` `->` type($output)
  }];
  let hasVerifier = 1;
}

class Qnt_BroadcastBinaryOp<string mnemonic, string formula>
    : Qnt_Op<mnemonic, [Pure]> {
  let description = [{
    `out = }] # formula # [{`, elementwise with NumPy broadcasting: the
    operands are aligned at their last dimension and each dimension pair is
    equal or has a 1; the result has the broadcast shape. Then clamped to
    `[clamp_min, clamp_max]` when set.

    Quantized form: operands and result are per-tensor quantized, each with
    its own parameters; the op computes on the real values.
  }];
  let arguments = !con((ins Qnt_Tensor:$lhs, Qnt_Tensor:$rhs), Qnt_FusedClampArgs);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($output)
  }];
  let hasVerifier = 1;
}

def Qnt_AddOp : Qnt_BroadcastBinaryOp<"add", "lhs + rhs"> {
  let summary = "Elementwise sum with broadcasting (ONNX Add)";
}

def Qnt_MulOp : Qnt_BroadcastBinaryOp<"mul", "lhs * rhs"> {
  let summary = "Elementwise product with broadcasting (ONNX Mul)";
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

def Qnt_ClampOp : Qnt_Op<"clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "Clamps to a real-valued range (ReLU, ReLU6, Clip)";
  let description = [{
    `out = min(max(input, min), max)`, bounds given as real values; a
    missing bound is unbounded. ReLU is `{min = 0.0}`, ReLU6
    `{min = 0.0, max = 6.0}`. On a quantized tensor the bounds apply to the
    real values, so they become `zero_point + round(bound / scale)`.

    Constraints: at least one bound; `min <= max`; input and result have the
    same type.

    ```mlir
    %r = qnt.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<8xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, OptionalAttr<F32Attr>:$min,
                       OptionalAttr<F32Attr>:$max);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

class Qnt_UnaryOp<string mnemonic, list<Trait> traits = []>
    : Qnt_Op<mnemonic, !listconcat([Pure], traits)> {
  let results = (outs Qnt_Tensor:$output);
  let hasVerifier = 1;
}

def Qnt_SigmoidOp : Qnt_UnaryOp<"sigmoid"> {
  let summary = "Logistic function (ONNX Sigmoid)";
  let description = [{
    `out = 1 / (1 + exp(-input))`, elementwise. Input and result have the
    same shape and are both float or both per-tensor quantized (each with
    its own parameters).
  }];
  let arguments = (ins Qnt_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Qnt_TanhOp : Qnt_UnaryOp<"tanh"> {
  let summary = "Hyperbolic tangent (ONNX Tanh)";
  let description = [{
    `out = tanh(input)`, elementwise. Input and result have the same shape
    and are both float or both per-tensor quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Qnt_HardSwishOp : Qnt_UnaryOp<"hard_swish"> {
  let summary = "x * relu6(x + 3) / 6 (ONNX HardSwish)";
  let description = [{
    `out = input * min(max(input + 3, 0), 6) / 6`, elementwise. Input and
    result have the same shape and are both float or both per-tensor
    quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Qnt_LeakyReluOp : Qnt_UnaryOp<"leaky_relu"> {
  let summary = "x if x >= 0, else alpha * x (ONNX LeakyRelu)";
  let description = [{
    `out = input >= 0 ? input : alpha * input`, elementwise; `alpha` is
    finite. Input and result have the same shape and are both float or both
    per-tensor quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input, F32Attr:$alpha);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Qnt_SoftmaxOp : Qnt_UnaryOp<"softmax"> {
  let summary = "Normalized exponential along one axis (ONNX Softmax, opset 13)";
  let description = [{
    `out[..., i, ...] = exp(x_i - max_j x_j) / sum_j exp(x_j - max_j x_j)`,
    where `i` and `j` run along `axis`, `0 <= axis < rank`. Input and result
    have the same shape and are both float or both per-tensor quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input, I64Attr:$axis);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Pooling and resizing (NHWC)
//===----------------------------------------------------------------------===//

class Qnt_Pool2DOp<string mnemonic> : Qnt_Op<mnemonic, [Pure]> {
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def Qnt_MaxPool2DOp : Qnt_Pool2DOp<"max_pool2d"> {
  let summary = "2-D max pooling over NHWC (ONNX MaxPool)";
  let description = [{
    `out[n, oh, ow, c] = max over kh, kw of
    in[n, oh*sh + kh*dh - pad_top, ow*sw + kw*dw - pad_left, c]`, padding
    never chosen. Output size as for `qnt.conv2d`; with `ceil_mode` the
    division rounds up, and a last window that would start in the bottom or
    right padding is dropped (ONNX's rule).

    Input and result are both float, or both quantized with identical
    per-tensor parameters (max commutes with quantization only then).
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, UnitAttr:$ceil_mode);
}

def Qnt_AvgPool2DOp : Qnt_Pool2DOp<"avg_pool2d"> {
  let summary = "2-D average pooling over NHWC (ONNX AveragePool)";
  let description = [{
    The mean of each window (kernel `[kh, kw]`, `strides`, `pads`,
    `dilations` and `ceil_mode` as for `qnt.max_pool2d`). With
    `count_include_pad` the divisor is the full kernel size, padding
    counted as zeros; otherwise it is the number of input elements inside
    the window. Input and result are both float or both per-tensor quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, UnitAttr:$ceil_mode,
                       UnitAttr:$count_include_pad);
}

def Qnt_GlobalAvgPoolOp : Qnt_Op<"global_avg_pool", [Pure]> {
  let summary = "Mean over H and W of an NHWC tensor (ONNX GlobalAveragePool)";
  let description = [{
    `out[n, 0, 0, c] = mean over h, w of in[n, h, w, c]`: input
    `[N, H, W, C]`, result `[N, 1, 1, C]`; both float or both per-tensor
    quantized.
  }];
  let arguments = (ins Qnt_Tensor:$input);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def Qnt_ResizeOp : Qnt_Op<"resize", [Pure]> {
  let summary = "Resizes H and W of an NHWC tensor (ONNX Resize)";
  let description = [{
    Input `[N, H, W, C]`, result `[N, OH, OW, C]`: N and C are unchanged;
    input and result have the same element type (quantized: the same
    parameters). Each axis is resampled separately; for H (W likewise, with
    `W`, `OW`, `scale_w`, `roi[1]`, `roi[3]`):

    * `scale` is `scale_h` of `scales` when the op has them (ONNX's `scales`
      input, which need not equal the size ratio when the output size was
      rounded) and the real ratio `OH / H` otherwise. `L`, the resized
      length, is `scale * H` (rounded to f32) with `scales`, else `OH`.
    * Output row `y` maps to the real input coordinate `x` given by
      `coordinate_transform` (ONNX's `coordinate_transformation_mode`):
      - `half_pixel`: `x = (y + 0.5) / scale - 0.5`
      - `half_pixel_symmetric`:
        `x = H / 2 * (1 - OH / L) + (y + 0.5) / scale - 0.5`
        (the same as `half_pixel` without `scales`)
      - `pytorch_half_pixel`: `x = (y + 0.5) / scale - 0.5` if `OH > 1`,
        else `x = -0.5`
      - `align_corners`: `x = y * (H - 1) / (L - 1)` if `OH > 1`, else
        `x = 0` (as ONNX's reference implementation maps it: with `scales`,
        the corners of the real length `L` are aligned)
      - `asymmetric`: `x = y / scale`
      - `tf_crop_and_resize`, with `start = roi[0]`, `end = roi[2]`:
        `x = start * (H - 1) + y * (end - start) * (H - 1) / (OH - 1)` if
        `OH > 1`, else `x = 0.5 * (start + end) * (H - 1)`. An output pixel
        whose `x` on H or on W lies outside `[0, H - 1]` (resp.
        `[0, W - 1]`) is `extrapolation_value` (0 when absent); the others
        are interpolated as below.
    * `nearest` mode takes input row `clamp(round(x), 0, H - 1)`, rounding
      with `nearest_mode` (`round_prefer_floor`, `round_prefer_ceil`:
      nearest integer, ties down resp. up; `floor`; `ceil`).
    * `linear` and `cubic` modes take
      `sum_i w(i) * in[clamp(i, 0, H - 1)]` over the `2t` taps
      `i = b - t + 1, ..., b + t` around `x`, where `b = floor(x)`, or
      `x - 1` when `x` is an integer, and the weights are a filter `f` at
      the tap's distance from `x`, normalized to sum 1:
      `w(i) = f((i - x) * a) / sum_j f((j - x) * a)`.
      - `linear`: the triangle `f(d) = max(0, 1 - |d|)`, `t = 1` (the two
        rows around `x`).
      - `cubic`: Keys' cubic convolution with `A = cubic_coeff_a` (-0.75
        when absent): `f(d) = (A + 2) |d|^3 - (A + 3) |d|^2 + 1` for
        `|d| <= 1`, `A |d|^3 - 5A |d|^2 + 8A |d| - 4A` for `1 < |d| < 2`,
        else 0; `t = 2`.
      - `a = 1`, or with `antialias` `a = min(scale, 1)`: down-sampling
        stretches the filter by `1 / scale` (ONNX's `antialias = 1`; its
        reference implementation computes the same weights) and `t` grows
        to `ceil(t / a)`.
      - With `exclude_outside`, the taps outside `[0, H - 1]` weigh 0 and
        the others are normalized again to sum 1 (instead of repeating the
        edge rows).
      The result is the product of the H and W weights, applied to the
      `2t_h * 2t_w` neighbouring pixels. A quantized tensor interpolates
      the real values it stands for and quantizes the result (saturating:
      cubic weights can overshoot).

    Constraints: `scales` has 2 positive finite values; `roi` (4 finite
    values `[start_h, start_w, end_h, end_w]`, ONNX's normalized `roi`
    input) is present exactly when `coordinate_transform` is
    `tf_crop_and_resize`, which needs a float tensor;
    `extrapolation_value` only with `tf_crop_and_resize`; `antialias` and
    `exclude_outside` only in `linear` and `cubic` modes; `cubic_coeff_a`
    (finite) only in `cubic` mode.

    ```mlir
    %y = qnt.resize %x {mode = #qnt<resize_mode linear>,
           coordinate_transform = #qnt<coordinate_transform tf_crop_and_resize>,
           nearest_mode = #qnt<nearest_mode round_prefer_floor>,
           roi = array<f32: 0.4, 0.6, 0.6, 0.8>, extrapolation_value = 10.0 : f32}
         : tensor<1x4x4x1xf32> -> tensor<1x3x3x1xf32>
    %z = qnt.resize %x {mode = #qnt<resize_mode cubic>,
           coordinate_transform = #qnt<coordinate_transform half_pixel>,
           nearest_mode = #qnt<nearest_mode round_prefer_floor>,
           cubic_coeff_a = -5.000000e-01 : f32, exclude_outside}
         : tensor<1x4x4x1xf32> -> tensor<1x8x8x1xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, Qnt_ResizeModeAttr:$mode,
                       Qnt_CoordinateTransformAttr:$coordinate_transform,
                       Qnt_NearestModeAttr:$nearest_mode,
                       OptionalAttr<DenseF32ArrayAttr>:$scales,
                       OptionalAttr<DenseF32ArrayAttr>:$roi,
                       OptionalAttr<F32Attr>:$extrapolation_value,
                       UnitAttr:$antialias,
                       OptionalAttr<F32Attr>:$cubic_coeff_a,
                       UnitAttr:$exclude_outside);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Qnt_ReshapeOp : Qnt_Op<"reshape", [Pure]> {
  let summary = "Same elements in row-major order, new shape";
  let description = [{
    The result has the input's elements in row-major order. Input and result
    have the same number of elements and the same element type, which is
    float or per-tensor quantized (a per-axis dimension has no meaning after
    a reshape).

    ```mlir
    %r = qnt.reshape %x : tensor<1x2x3xf32> -> tensor<6xf32>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_TransposeOp : Qnt_Op<"transpose", [Pure]> {
  let summary = "Permutes dimensions (ONNX Transpose)";
  let description = [{
    `out[i_0, ..., i_r-1] = in[j]` with `j[perm[k]] = i_k`: result dimension
    `k` is input dimension `perm[k]`. `perm` is a permutation of
    `[0, rank)`. Element types match, except that a per-axis quantized
    dimension `d` becomes dimension `k` with `perm[k] = d`.

    ```mlir
    %t = qnt.transpose %x {perm = array<i64: 0, 2, 3, 1>}
         : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_ConcatOp : Qnt_Op<"concat", [Pure]> {
  let summary = "Joins tensors along one axis (ONNX Concat)";
  let description = [{
    Inputs are placed one after another along `axis`, `0 <= axis < rank`.
    All inputs and the result have the same rank and equal sizes in every
    other dimension; the result's `axis` size is the sum of the inputs'.
    All element types are identical (quantized inputs with other
    parameters are requantized first).
  }];
  let arguments = (ins Variadic<Qnt_AnyTensor>:$inputs, I64Attr:$axis);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type($inputs, $output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_PadOp : Qnt_Op<"pad", [Pure]> {
  let summary = "Pads each dimension (ONNX Pad)";
  let description = [{
    `pads = [begin_0, ..., begin_r-1, end_0, ..., end_r-1]`, all
    non-negative; result dimension `i` is `begin_i + in_i + end_i`. `mode`
    `constant` fills with `value` (a real value; for a quantized tensor it
    must be exactly representable), `reflect` mirrors without repeating the
    edge (needs `begin_i, end_i < in_i`), `edge` repeats the edge (needs
    `in_i > 0` where padded). Input and result have the same element type.
  }];
  let arguments = (ins Qnt_AnyTensor:$input, DenseI64ArrayAttr:$pads,
                       Qnt_PadModeAttr:$mode,
                       DefaultValuedAttr<F32Attr, "0.0f">:$value);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

// Ops grouped by the importer topic that needs them.
include "quantc/Dialect/Qnt/IR/QntElementwiseOps.td"
include "quantc/Dialect/Qnt/IR/QntNNOps.td"
include "quantc/Dialect/Qnt/IR/QntQuantOps.td"
include "quantc/Dialect/Qnt/IR/QntShapeOps.td"

#endif // QUANTC_DIALECT_QNT_IR_QNTOPS_TD
