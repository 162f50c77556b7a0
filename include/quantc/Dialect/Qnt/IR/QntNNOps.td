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

#endif // QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD
