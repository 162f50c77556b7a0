//===- QntShapeOps.td - Shape ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's shape handlers; included by QntOps.td.
// qnt.slice and qnt.gather only move data, so they take every tensor the
// dialect has (float, quantized, integer); qnt.reduce_mean is arithmetic.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD

def Qnt_SliceOp : Qnt_Op<"slice", [Pure]> {
  let summary = "Strided window of a tensor, strides may be negative (ONNX Slice)";
  let description = [{
    ```
    out[i_0, ..., i_r-1] = in[offsets[0] + i_0 * strides[0], ...,
                              offsets[r-1] + i_r-1 * strides[r-1]]
    ```
    for `0 <= i_k < out_k`: the result shape is the number of elements taken
    along each dimension. A negative stride walks the dimension backwards
    from `offsets[k]`.

    Constraints:
    - `offsets` and `strides` have one entry per dimension (rank `r`), and
      the result has rank `r`;
    - every stride is non-zero;
    - where `out_k > 0`, the first index `offsets[k]` and the last index
      `offsets[k] + (out_k - 1) * strides[k]` both lie in `[0, in_k)`, so
      every index read is in bounds (`offsets[k]` is not read, and not
      checked, where `out_k = 0`);
    - input and result have the same element type, except for a per-axis
      quantized type along dimension `d`: the result keeps `d`, the storage
      and the flags, and takes the parameters of the slices it selects,
      `scales_out[i] = scales_in[offsets[d] + i * strides[d]]` (zero points
      likewise).

    ```mlir
    // Rows 3, 1 of x (every other row, backwards), all columns.
    %s = qnt.slice %x {offsets = array<i64: 3, 0>, strides = array<i64: -2, 1>}
         : tensor<4x5xf32> -> tensor<2x5xf32>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input, DenseI64ArrayAttr:$offsets,
                       DenseI64ArrayAttr:$strides);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_GatherOp : Qnt_Op<"gather", [Pure]> {
  let summary = "Picks slices along one axis at constant indices (ONNX Gather)";
  let description = [{
    ```
    out[p_0, ..., p_axis-1, j_0, ..., j_m-1, q_axis+1, ..., q_r-1] =
        in[p_0, ..., p_axis-1, indices[j_0, ..., j_m-1], q_axis+1, ..., q_r-1]
    ```
    `indices` is a constant i64 tensor of rank `m` (0 for a single index,
    which removes the dimension). The result shape is
    `in[0 : axis] ++ shape(indices) ++ in[axis + 1 : r]`.

    Constraints:
    - `0 <= axis < r`, the input's rank;
    - every index lies in `[0, in_axis)` (the importer normalizes ONNX's
      negative indices);
    - input and result have the same element type, except for a per-axis
      quantized type along dimension `d`: before `axis` it stays `d`, after
      `axis` it becomes `d + m - 1`; along `axis` itself `indices` must have
      rank 1 and the result takes the parameters of the gathered slices,
      `scales_out[j] = scales_in[indices[j]]` (zero points likewise). The
      storage and flags are kept.

    ```mlir
    %g = qnt.gather %x {axis = 1 : i64, indices = dense<[2, 0]> : tensor<2xi64>}
         : tensor<4x3xf32> -> tensor<4x2xf32>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input, I64Attr:$axis,
                       I64ElementsAttr:$indices);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_GatherDynamicOp : Qnt_Op<"gather_dynamic", [Pure]> {
  let summary = "Picks slices along one axis at run-time indices (ONNX Gather)";
  let description = [{
    The formula of `qnt.gather`, with `indices` an i32 or i64 tensor
    computed at run time (an embedding lookup, for example). An index `i`
    in `[-in_axis, 0)` selects `i + in_axis`, as in ONNX. ONNX leaves an
    index outside `[-in_axis, in_axis)` an error; this op clamps it, after
    that wrap, to `[0, in_axis - 1]`, so it never reads out of bounds.
    The result shape is `in[0 : axis] ++ shape(indices) ++ in[axis + 1 : r]`.

    Constraints: `0 <= axis < r`; input and result have the same element
    type, except that a per-axis quantized dimension after `axis` moves by
    `rank(indices) - 1`; a tensor quantized along `axis` itself needs
    constant indices (`qnt.gather`). With constant indices the op
    canonicalizes to `qnt.gather`.

    ```mlir
    %g = qnt.gather_dynamic %table, %ids {axis = 0 : i64}
         : (tensor<100x16xf32>, tensor<1x6xi64>) -> tensor<1x6x16xf32>
    ```
  }];
  let arguments = (ins Qnt_AnyTensor:$input,
                       RankedTensorOf<[I32, I64]>:$indices, I64Attr:$axis);
  let results = (outs Qnt_AnyTensor:$output);
  let assemblyFormat = [{
    $input `,` $indices attr-dict `:` `(` type($input) `,` type($indices) `)`
    `->` type($output)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

def Qnt_ReduceMeanOp : Qnt_Op<"reduce_mean", [Pure]> {
  let summary = "Arithmetic mean over some dimensions (ONNX ReduceMean)";
  let description = [{
    `out[k] = (1 / n) * sum over the reduced dimensions of in[...]`, where
    `n` is the product of the reduced dimensions' sizes. With `keepdims`
    each reduced dimension becomes 1 in the result; without it, it is
    removed (reducing every dimension gives a rank-0 result).

    Constraints:
    - `axes` is non-empty, strictly increasing, within `[0, rank)`;
    - every reduced dimension is non-empty (a mean of no elements is
      undefined);
    - input and result are both f32, or both per-tensor quantized: the
      op takes the mean of the real values and quantizes it to the result
      type (round half to even, saturate), each side with its own
      parameters.

    ```mlir
    %m = qnt.reduce_mean %x {axes = array<i64: 2, 3>, keepdims}
         : tensor<1x8x7x7xf32> -> tensor<1x8x1x1xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keepdims);
  let results = (outs Qnt_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD
