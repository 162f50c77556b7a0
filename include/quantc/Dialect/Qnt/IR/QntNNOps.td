//===- QntNNOps.td - NN ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's nn handlers; included by QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD

def Qnt_ConvTranspose2DOp : Qnt_Op<"conv_transpose2d", [Pure]> {
  let summary = "2-D transposed convolution, NHWC input and FHWC filter (ONNX ConvTranspose)";
  let description = [{
    Every input pixel scatters its products with the filter into the output:

    ```
    out[n, oh, ow, f] = bias[f] + sum over ih, iw, kh, kw, c with
                          oh = ih*sh + kh*dh - pad_top,
                          ow = iw*sw + kw*dw - pad_left
        of in[n, ih, iw, g*Cg + c] * filter[f, kh, kw, c],
        g = f / (F / groups), Cg = C / groups
    ```

    then clamped to `[clamp_min, clamp_max]` when those are set. An output
    pixel that no input pixel reaches is `bias[f]` (or 0).

    Operands: `input` `[N, H, W, C]`, `filter` `[F, KH, KW, C / groups]`
    (output channels outermost, as for `qnt.conv2d`), optional `bias` `[F]`;
    result `[N, OH, OW, F]` with

    ```
    OH = (H - 1) * sh + dh * (KH - 1) + 1 - pad_top - pad_bottom
    ```

    and likewise `OW`. `strides = [sh, sw]` and `dilations = [dh, dw]` are
    positive; `pads = [pad_top, pad_left, pad_bottom, pad_right]` crop the
    full scattered result. A negative pad extends the result instead, with
    pixels no input reaches: ONNX's `output_padding` is a negative
    `pad_bottom`/`pad_right`. `OH` and `OW` must be positive.

    ONNX's filter `W[C, F / groups, KH, KW]` is this op's
    `filter[g*(F/groups) + o, kh, kw, c] = W[g*Cg + c, o, kh, kw]`.

    Quantized form as for `qnt.conv2d`: input and filter have storage of at
    most 8 bits; the filter may be per-axis along dimension 0 (the output
    channel); the bias has i32 storage, zero point 0 and scale
    `s_input * s_filter`; the result may have any storage up to 32 bits.

    ```mlir
    %y = qnt.conv_transpose2d %x, %w, %b {strides = array<i64: 2, 2>,
           pads = array<i64: 1, 1, 0, 0>, dilations = array<i64: 1, 1>,
           groups = 1 : i64}
         : (tensor<1x4x4x8xf32>, tensor<3x3x3x8xf32>, tensor<3xf32>)
         -> tensor<1x8x8x3xf32>
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
  let hasCanonicalizer = 1;
}

def Qnt_ConvTranspose3DOp : Qnt_Op<"conv_transpose3d", [Pure]> {
  let summary = "3-D transposed convolution, NDHWC input and FDHWC filter (ONNX ConvTranspose)";
  let description = [{
    `qnt.conv_transpose2d` with a depth dimension:

    ```
    out[n, od, oh, ow, f] = bias[f] + sum over id, ih, iw, kd, kh, kw, c with
                              od = id*sd + kd*dd - pad_front,
                              oh = ih*sh + kh*dh - pad_top,
                              ow = iw*sw + kw*dw - pad_left
        of in[n, id, ih, iw, g*Cg + c] * filter[f, kd, kh, kw, c],
        g = f / (F / groups), Cg = C / groups
    ```

    then clamped to `[clamp_min, clamp_max]` when those are set. An output
    pixel that no input pixel reaches is `bias[f]` (or 0).

    Operands: `input` `[N, D, H, W, C]`, `filter` `[F, KD, KH, KW, C /
    groups]`, optional `bias` `[F]`; result `[N, OD, OH, OW, F]` with

    ```
    OD = (D - 1) * sd + dd * (KD - 1) + 1 - pad_front - pad_back
    ```

    and likewise `OH` and `OW`, each positive. `strides = [sd, sh, sw]` and
    `dilations = [dd, dh, dw]` are positive; `pads = [pad_front, pad_top,
    pad_left, pad_back, pad_bottom, pad_right]` crop the full scattered
    result, and a negative pad extends it (ONNX's `output_padding`).

    ONNX's filter `W[C, F / groups, KD, KH, KW]` is this op's
    `filter[g*(F/groups) + o, kd, kh, kw, c] = W[g*Cg + c, o, kd, kh, kw]`.

    Quantized form as for `qnt.conv_transpose2d`.

    ```mlir
    %y = qnt.conv_transpose3d %x, %w {strides = array<i64: 1, 2, 2>,
           pads = array<i64: 0, 0, 0, 0, 0, 0>,
           dilations = array<i64: 1, 1, 1>, groups = 1 : i64}
         : (tensor<1x3x4x5x1xf32>, tensor<2x3x3x3x1xf32>)
         -> tensor<1x5x9x11x2xf32>
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

//===----------------------------------------------------------------------===//
// Pooling (NHWC / NDHWC)
//===----------------------------------------------------------------------===//

class Qnt_Pool3DOp<string mnemonic> : Qnt_Op<mnemonic, [Pure]> {
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def Qnt_MaxPool3DOp : Qnt_Pool3DOp<"max_pool3d"> {
  let summary = "3-D max pooling over NDHWC (ONNX MaxPool)";
  let description = [{
    ```
    out[n, od, oh, ow, c] = max over kd, kh, kw of
        in[n, od*sd + kd*dd - pad_front, oh*sh + kh*dh - pad_top,
           ow*sw + kw*dw - pad_left, c]
    ```

    padding never chosen. Input `[N, D, H, W, C]`, `kernel = [KD, KH, KW]`,
    `strides = [sd, sh, sw]` and `dilations = [dd, dh, dw]` positive,
    `pads = [pad_front, pad_top, pad_left, pad_back, pad_bottom, pad_right]`
    non-negative and each smaller than the dilated kernel
    `d * (K - 1) + 1` of its dimension, so that every window sees the input.
    Result `[N, OD, OH, OW, C]` with

    ```
    OD = floor((D + pad_front + pad_back - (dd * (KD - 1) + 1)) / sd) + 1
    ```

    and likewise `OH`, `OW`, each positive. With `ceil_mode` the division
    rounds up, and a last window that would start in the back, bottom or
    right padding is dropped (ONNX's rule, as for `qnt.max_pool2d`).

    Input and result are both float, or both quantized with identical
    per-tensor parameters (max commutes with quantization only then).

    ```mlir
    %y = qnt.max_pool3d %x {kernel = array<i64: 2, 2, 2>,
           strides = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>,
           dilations = array<i64: 2, 2, 2>}
         : tensor<1x4x4x4x1xf32> -> tensor<1x2x2x2x1xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, UnitAttr:$ceil_mode);
}

def Qnt_AvgPool3DOp : Qnt_Pool3DOp<"avg_pool3d"> {
  let summary = "3-D average pooling over NDHWC (ONNX AveragePool)";
  let description = [{
    The mean of each window; `kernel`, `strides`, `pads`, `dilations`,
    `ceil_mode` and the result shape as for `qnt.max_pool3d`. With
    `count_include_pad` the divisor is the full kernel size
    `KD * KH * KW`, padding counted as zeros; otherwise it is the number of
    input elements inside the window. Input and result are both float or
    both per-tensor quantized.

    ```mlir
    %y = qnt.avg_pool3d %x {kernel = array<i64: 2, 2, 2>,
           strides = array<i64: 2, 2, 2>, pads = array<i64: 1, 1, 1, 1, 1, 1>,
           dilations = array<i64: 1, 1, 1>, count_include_pad}
         : tensor<1x4x4x4x3xf32> -> tensor<1x3x3x3x3xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, UnitAttr:$ceil_mode,
                       UnitAttr:$count_include_pad);
}

def Qnt_MaxPool2DWithIndicesOp : Qnt_Op<"max_pool2d_with_indices", [Pure]> {
  let summary = "2-D max pooling over NHWC with ONNX MaxPool's Indices output";
  let description = [{
    `output` is `qnt.max_pool2d` of `input` with the same `kernel`,
    `strides`, `pads`, `dilations` and `ceil_mode` (and the same rules).
    `indices` has the shape of `output`, element type i64, and holds where
    each maximum was found, as an index into the input flattened in ONNX's
    NCHW order, whatever this op's layout: for the input `[N, H, W, C]`,
    the maximum of window `(n, oh, ow, c)` found at input row `h` and column
    `w` has index

    ```
    storage_order = 0 (row-major):    ((n * C + c) * H + h) * W + w
    storage_order = 1 (column-major): (n * C + c) * H * W + w * H + h
    ```

    Padding is never chosen. `(h, w)` is the first window element in
    window order (`kh` outer, `kw` inner, both ascending) whose value
    equals the maximum. `storage_order` is 0 or 1.

    Input and `output` are both float, or both quantized with identical
    per-tensor parameters.

    ```mlir
    %y, %i = qnt.max_pool2d_with_indices %x {kernel = array<i64: 2, 2>,
               strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>,
               dilations = array<i64: 1, 1>, storage_order = 1 : i64}
             : tensor<1x5x5x1xf32> -> tensor<1x2x2x1xf32>, tensor<1x2x2x1xi64>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$kernel,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$dilations, UnitAttr:$ceil_mode,
                       I64Attr:$storage_order);
  let results = (outs Qnt_Tensor:$output, RankedTensorOf<[I64]>:$indices);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output) `,` type($indices)
  }];
  let hasVerifier = 1;
}

#endif // QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD
