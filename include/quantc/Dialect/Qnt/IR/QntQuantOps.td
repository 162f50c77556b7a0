//===- QntQuantOps.td - Quant ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's quant handlers; included by QntOps.td.
//
// qnt.quantize and qnt.dequantize carry their parameters in a static
// !quant.uniform type. The ops here take them as tensors instead, for what a
// static type cannot hold: parameters known only at run time (graph inputs,
// DynamicQuantizeLinear's results) and blocked quantization.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD

// The small float types ONNX QuantizeLinear produces and DequantizeLinear
// consumes, besides integers.
def Qnt_LinearFloat : AnyTypeOf<[F8E4M3FN, F8E4M3FNUZ, F8E5M2, F8E5M2FNUZ,
                                 F4E2M1FN]>;
def Qnt_LinearDataTensor : RankedTensorOf<[Qnt_Integer, Qnt_LinearFloat]>;

// The parameter layout shared by quantize_linear and dequantize_linear.
defvar Qnt_LinearParamsDoc = [{
    Each element `i` of the data tensor (rank `R`, shape `D`) takes its scale
    `s` and zero point `zp` from the element `j(i)` of `scale` and
    `zero_point`, by the granularity the operands state:

    - per tensor: `scale` has rank 0 and `j(i)` is its only element; `axis`
      and `block_size` are absent;
    - per axis: `scale` has rank 1 and size `D[axis]`, `0 <= axis < R`,
      `block_size` is absent, and `j(i) = i[axis]`;
    - blocked: `block_size = B > 0`, `0 <= axis < R`, `scale` has rank `R`,
      the input's sizes except `ceil(D[axis] / B)` along `axis`, and `j(i)`
      is `i` with `i[axis]` replaced by `floor(i[axis] / B)` (the last block
      may be partial).

    `zero_point`, when present, has the shape of `scale` and the element
    type of the integer (or small float) tensor; when absent every zero
    point is 0.
}];

def Qnt_QuantizeLinearOp : Qnt_Op<"quantize_linear", [Pure]> {
  let summary = "ONNX QuantizeLinear with scale and zero point as tensors";
  let description = !strconcat([{
    `output[i] = saturate(round_half_to_even(input[i] / s) + zp)`, where the
    division is done in f32, `saturate` clamps to the range of the result's
    integer type, and an `input[i] / s` that is NaN yields `saturate(zp)`
    (as `qnt.quantize` does). This is ONNX QuantizeLinear (opsets 10 to 25),
    with parameters that need not be constants.

    A small float output (`f8E4M3FN`, `f8E4M3FNUZ`, `f8E5M2`, `f8E5M2FNUZ`,
    `f4E2M1FN`) is instead `cast(input[i] / s + f32(zp))`, the division and
    addition in f32 and the conversion that of `qnt.cast` with this op's
    `saturate` (which matters only for these outputs). As in ONNX's
    reference implementation, the sign of a zero quotient stays with a
    float8 output, whose zero point is added only when it is not zero, and
    is lost with `f4E2M1FN`, whose zero point (0 when absent) is always
    added: `-0 + 0 = +0`.

  }], Qnt_LinearParamsDoc, [{

    Constraints: `input` and `output` have the same shape; the output
    element type is one of `i2`, `ui2`, `i4`, `ui4`, `i8`, `ui8`, `i16`,
    `ui16` or one of the small floats above.

    When `scale` and `zero_point` are constants and the quantization is per
    tensor or per axis with positive finite scales, canonicalization
    rewrites the op into `qnt.quantize` to the equivalent `!quant.uniform`
    type followed by `qnt.storage_cast` (integer outputs only).

    ```mlir
    %q = qnt.quantize_linear %x, %s, %zp {axis = 1 : i64}
         : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xui8>) -> tensor<2x3xui8>
    %f = qnt.quantize_linear %x, %s {saturate = false}
         : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf8E4M3FN>
    ```
  }]);
  let arguments = (ins Qnt_FloatTensor:$input, Qnt_FloatTensor:$scale,
                       Optional<Qnt_LinearDataTensor>:$zero_point,
                       OptionalAttr<I64Attr>:$axis,
                       OptionalAttr<I64Attr>:$block_size,
                       DefaultValuedAttr<BoolAttr, "true">:$saturate);
  let results = (outs Qnt_LinearDataTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale (`,` $zero_point^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Qnt_DequantizeLinearOp : Qnt_Op<"dequantize_linear", [Pure]> {
  let summary = "ONNX DequantizeLinear with scale and zero point as tensors";
  let description = !strconcat([{
    `output[i] = f32(input[i] - zp) * s`: the integer difference is exact,
    its conversion to f32 rounds to nearest even, and the product is an f32
    multiplication, as in `qnt.dequantize`. This is ONNX DequantizeLinear
    (opsets 10 to 25) for f32 outputs, with parameters that need not be
    constants.

    A small float input (`f8E4M3FN`, `f8E4M3FNUZ`, `f8E5M2`, `f8E5M2FNUZ`,
    `f4E2M1FN`) is instead `(f32(input[i]) - f32(zp)) * s`: both
    conversions are exact, the subtraction and product f32 operations.

  }], Qnt_LinearParamsDoc, [{

    Constraints: `input` and `output` have the same shape; the input
    element type is one of `i2`, `ui2`, `i4`, `ui4`, `i8`, `ui8`, `i16`,
    `ui16`, `i32` or one of the small floats above.

    When `scale` and `zero_point` are constants and the quantization is per
    tensor or per axis with positive finite scales, canonicalization
    rewrites the op into `qnt.storage_cast` to the equivalent
    `!quant.uniform` type followed by `qnt.dequantize` (integer inputs
    only).

    ```mlir
    %x = qnt.dequantize_linear %q, %s, %zp
         : (tensor<2x3xi8>, tensor<f32>, tensor<i8>) -> tensor<2x3xf32>
    ```
  }]);
  let arguments = (ins Qnt_LinearDataTensor:$input, Qnt_FloatTensor:$scale,
                       Optional<Qnt_LinearDataTensor>:$zero_point,
                       OptionalAttr<I64Attr>:$axis,
                       OptionalAttr<I64Attr>:$block_size);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale (`,` $zero_point^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Qnt_DynamicQuantizeLinearOp : Qnt_Op<"dynamic_quantize_linear", [Pure]> {
  let summary = "Quantizes to ui8 with parameters computed from the data (ONNX DynamicQuantizeLinear)";
  let description = [{
    Computes per-tensor parameters from the input's range, then quantizes
    with them, in f32 arithmetic as ONNX's reference implementation does:

    ```
    hi = max(0, max over i of input[i])
    lo = min(0, min over i of input[i])
    scale = hi == lo ? 1.0 : (hi - lo) / 255
    zero_point = round_half_to_even(clamp(0 - lo / scale, 0, 255))
    output[i] = clamp(round_half_to_even(input[i] / scale) + zero_point, 0, 255)
    ```

    The range always includes 0, so `hi == lo` only when every element is 0;
    the scale is then 1 (ONNX's function body would divide 0 by 0). The
    results are unspecified when the input holds NaN or infinities.

    Constraints: the input has at least one element; `output` is `ui8` with
    the input's shape; `scale` is a rank-0 `f32` tensor and `zero_point` a
    rank-0 `ui8` tensor. A constant input folds to three constants.

    ```mlir
    %y, %s, %zp = qnt.dynamic_quantize_linear %x
        : tensor<2x4xf32> -> tensor<2x4xui8>, tensor<f32>, tensor<ui8>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input);
  let results = (outs Qnt_IntegerTensor:$output, Qnt_FloatTensor:$scale,
                      Qnt_IntegerTensor:$zero_point);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output) `,` type($scale) `,`
    type($zero_point)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_MatMulIntegerOp : Qnt_Op<"matmul_integer", [Pure]> {
  let summary = "Integer matrix product with zero points as tensors (ONNX MatMulInteger)";
  let description = [{
    ```
    out[b..., m, n] = sum over k of (lhs[b..., m, k] - lhs_zero_point)
                                  * (rhs[b..., k, n] - rhs_zero_point[n])
    ```
    summed exactly and wrapped to i32 (two's complement, what an i32
    accumulator computes). This is ONNX MatMulInteger when its zero points
    are known only at run time, as after DynamicQuantizeLinear.

    Operands: `lhs` and `rhs` are `i8` or `ui8` tensors of rank at least 2
    whose batch dimensions (all but the last two) broadcast as in NumPy, with
    `lhs` `[..., M, K]` and `rhs` `[..., K, N]`; `lhs_zero_point` is a rank-0
    tensor of `lhs`'s element type; `rhs_zero_point` has `rhs`'s element
    type and rank 0 (per tensor) or shape `[N]` (per column). The result is
    `i32` with the broadcast batch dimensions and `[M, N]`.

    With constant zero points and `K <= 33025` (so that no sum leaves the
    i32 range: every factor lies in [-255, 255]), canonicalization rewrites
    the op into `qnt.matmul` on `!quant.uniform` types of scale 1, which
    then computes the same integers.

    ```mlir
    %y = qnt.matmul_integer %a, %b, %azp, %bzp
         : (tensor<4x8xui8>, tensor<8x3xi8>, tensor<ui8>, tensor<3xi8>) -> tensor<4x3xi32>
    ```
  }];
  let arguments = (ins Qnt_IntegerTensor:$lhs, Qnt_IntegerTensor:$rhs,
                       Qnt_IntegerTensor:$lhs_zero_point,
                       Qnt_IntegerTensor:$rhs_zero_point);
  let results = (outs Qnt_IntegerTensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` $lhs_zero_point `,` $rhs_zero_point attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Qnt_Conv2DIntegerOp : Qnt_Op<"conv2d_integer", [Pure]> {
  let summary = "Integer 2-D convolution with zero points as tensors (ONNX ConvInteger)";
  let description = [{
    ```
    out[n, oh, ow, f] = sum over kh, kw, c of
        (in[n, oh*sh + kh*dh - pad_top, ow*sw + kw*dw - pad_left, g*Cg + c]
           - input_zero_point)
        * (filter[f, kh, kw, c] - filter_zero_point[f]),
        g = f / (F / groups), Cg = C / groups
    ```
    where a position in the padding contributes 0 (as if the input were
    padded with its zero point), summed exactly and wrapped to i32 (what an
    i32 accumulator computes). This is ONNX ConvInteger when its zero points
    are known only at run time, as after DynamicQuantizeLinear.

    Operands: `input` `[N, H, W, C]` and `filter` `[F, KH, KW, C / groups]`
    of `i8` or `ui8`; `input_zero_point` a rank-0 tensor of the input's
    element type; `filter_zero_point` of the filter's element type, rank 0
    or `[F]` (per output channel). The attributes and the result shape
    `[N, OH, OW, F]` are those of `qnt.conv2d`; the result is `i32`.

    With constant zero points and `KH * KW * C / groups <= 33025` (so that no
    sum leaves the i32 range: every factor lies in [-255, 255]),
    canonicalization rewrites the op into `qnt.conv2d` on `!quant.uniform`
    types of scale 1, which then computes the same integers.

    ```mlir
    %y = qnt.conv2d_integer %x, %w, %xzp, %wzp {strides = array<i64: 1, 1>,
           pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>,
           groups = 1 : i64}
         : (tensor<1x4x4x2xui8>, tensor<3x2x2x2xi8>, tensor<ui8>, tensor<3xi8>)
         -> tensor<1x3x3x3xi32>
    ```
  }];
  let arguments = (ins Qnt_IntegerTensor:$input, Qnt_IntegerTensor:$filter,
                       Qnt_IntegerTensor:$input_zero_point,
                       Qnt_IntegerTensor:$filter_zero_point,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, I64Attr:$groups);
  let results = (outs Qnt_IntegerTensor:$output);
  let assemblyFormat = [{
    $input `,` $filter `,` $input_zero_point `,` $filter_zero_point attr-dict
    `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

#endif // QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD
