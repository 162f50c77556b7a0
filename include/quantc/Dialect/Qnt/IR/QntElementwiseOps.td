//===- QntElementwiseOps.td - Elementwise ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's elementwise handlers; included by
// QntOps.td. Float arithmetic and activations beyond those of QntOps.td, and
// integer arithmetic for ONNX's integer tensors (shape computations, integer
// Add/Sub/Mul/Div, Clip and Relu on integers).
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD

//===----------------------------------------------------------------------===//
// Float arithmetic with broadcasting
//===----------------------------------------------------------------------===//

def Qnt_SubOp : Qnt_BroadcastBinaryOp<"sub", "lhs - rhs"> {
  let summary = "Elementwise difference with broadcasting (ONNX Sub)";
  let hasFolder = 1;
}

// Binary ops on f32 tensors only, with NumPy broadcasting.
class Qnt_FloatBinaryOp<string mnemonic, string formula, string details>
    : Qnt_Op<mnemonic, [Pure]> {
  let description = [{
    `out = }] # formula # [{`, elementwise on f32 tensors with NumPy
    broadcasting: the operands are aligned at their last dimension and each
    dimension pair is equal or has a 1; the result has the broadcast shape.
  }] # details;
  let arguments = (ins Qnt_FloatTensor:$lhs, Qnt_FloatTensor:$rhs);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_DivOp : Qnt_FloatBinaryOp<"div", "lhs / rhs", [{
    The quotient is IEEE-754 f32 division rounded to nearest even: a
    non-zero value divided by zero is an infinity of the sign of the
    quotient, `0 / 0` is NaN. (Integer division is `qnt.int_div`.)

    ```mlir
    %q = qnt.div %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }]> {
  let summary = "Elementwise float quotient with broadcasting (ONNX Div)";
}

def Qnt_PowOp : Qnt_FloatBinaryOp<"pow", "pow(lhs, rhs)", [{
    `pow` is C's `powf` with its IEEE special cases (C11 Annex F): for
    example `pow(x, 0) = 1` for every `x`, NaN included, and a negative
    finite base with a non-integral finite exponent gives NaN. Results are
    within the accuracy of the C library; constant folding evaluates `pow`
    in double precision and rounds once to f32.

    ```mlir
    %p = qnt.pow %x, %e : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
    ```
  }]> {
  let summary = "Elementwise float power with broadcasting (ONNX Pow)";
}

//===----------------------------------------------------------------------===//
// Integer arithmetic with broadcasting
//===----------------------------------------------------------------------===//

// The integer types ONNX arithmetic accepts: 8 to 64 bits, signless (read as
// two's complement, ONNX's INTn) or unsigned (ONNX's UINTn).
def Qnt_ArithInteger : AnyTypeOf<[I8, I16, I32, I64, UI8, UI16, UI32, UI64]>;
def Qnt_ArithIntegerTensor : RankedTensorOf<[Qnt_ArithInteger]>;

class Qnt_IntBinaryOp<string mnemonic, string formula, string details>
    : Qnt_Op<mnemonic, [Pure]> {
  let description = [{
    `out = }] # formula # [{`, elementwise on integer tensors with NumPy
    broadcasting (operands aligned at their last dimension, each dimension
    pair equal or with a 1; the result has the broadcast shape).

    Operands and result have one element type of 8, 16, 32 or 64 bits:
    signless integers are two's complement signed values (ONNX's `INTn`),
    unsigned integers are ONNX's `UINTn`.
  }] # details;
  let arguments = (ins Qnt_ArithIntegerTensor:$lhs, Qnt_ArithIntegerTensor:$rhs);
  let results = (outs Qnt_ArithIntegerTensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Qnt_IntAddOp : Qnt_IntBinaryOp<"int_add", "lhs + rhs", [{
    The sum wraps modulo `2^N` for `N`-bit elements, as ONNX Add does on
    integers.

    ```mlir
    %s = qnt.int_add %a, %b : (tensor<3xi64>, tensor<i64>) -> tensor<3xi64>
    ```
  }]> {
  let summary = "Wrapping integer sum with broadcasting (ONNX Add on integers)";
}

def Qnt_IntSubOp : Qnt_IntBinaryOp<"int_sub", "lhs - rhs", [{
    The difference wraps modulo `2^N` (for unsigned types, `1 - 2` is
    `2^N - 1`).
  }]> {
  let summary = "Wrapping integer difference with broadcasting (ONNX Sub on integers)";
}

def Qnt_IntMulOp : Qnt_IntBinaryOp<"int_mul", "lhs * rhs", [{
    The product wraps modulo `2^N`: the low `N` bits of the exact product.
  }]> {
  let summary = "Wrapping integer product with broadcasting (ONNX Mul on integers)";
}

def Qnt_IntDivOp : Qnt_IntBinaryOp<"int_div", "lhs / rhs", [{
    Signed division truncates toward zero (`-3 / 2 = -1`, as ONNX Div and
    C do); unsigned division is the floor. ONNX leaves two cases undefined;
    QuantC defines them so that folding and code generation agree:
    division by zero gives 0, and the signed overflow `MIN / -1` wraps to
    `MIN`.

    ```mlir
    %q = qnt.int_div %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
    ```
  }]> {
  let summary = "Truncating integer quotient with broadcasting (ONNX Div on integers)";
}

def Qnt_IntMaxOp : Qnt_IntBinaryOp<"int_max", "max(lhs, rhs)", [{
    Compared as signed values for signless types, as unsigned for unsigned
    types. Integer Relu is `int_max` with 0 and integer Clip an `int_max`
    with its lower bound followed by an `int_min` with its upper bound.
  }]> {
  let summary = "Integer maximum with broadcasting (ONNX Relu, Clip, Max on integers)";
}

def Qnt_IntMinOp : Qnt_IntBinaryOp<"int_min", "min(lhs, rhs)", [{
    Compared as signed values for signless types, as unsigned for unsigned
    types.
  }]> {
  let summary = "Integer minimum with broadcasting (ONNX Clip, Min on integers)";
}

//===----------------------------------------------------------------------===//
// Float activations and math functions
//===----------------------------------------------------------------------===//

// Elementwise functions of f32 tensors; the result has the input's type.
class Qnt_FloatUnaryOp<string mnemonic, string formula, string details>
    : Qnt_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let description = [{
    `out = }] # formula # [{`, elementwise on an f32 tensor; the result has
    the input's type (the trait `SameOperandsAndResultType` is the whole
    verifier).
  }] # details;
  let arguments = (ins Qnt_FloatTensor:$input);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasFolder = 1;
}

def Qnt_ExpOp : Qnt_FloatUnaryOp<"exp", "exp(input)", [{
    Within the accuracy of C's `expf`; constant folding evaluates `exp` in
    double precision and rounds once to f32.

    ```mlir
    %e = qnt.exp %x : tensor<1x4420x2xf32>
    ```
  }]> {
  let summary = "Natural exponential (ONNX Exp)";
}

def Qnt_SqrtOp : Qnt_FloatUnaryOp<"sqrt", "sqrt(input)", [{
    Correctly rounded, as IEEE-754 requires; negative inputs give NaN,
    `sqrt(-0) = -0`.
  }]> {
  let summary = "Square root (ONNX Sqrt)";
}

def Qnt_ErfOp : Qnt_FloatUnaryOp<"erf", "erf(input)", [{
    The Gauss error function, within the accuracy of C's `erff`; constant
    folding evaluates `erf` in double precision and rounds once to f32.
  }]> {
  let summary = "Gauss error function (ONNX Erf)";
}

def Qnt_PReluOp : Qnt_Op<"prelu", [Pure]> {
  let summary = "x if x >= 0, else slope * x, slope broadcast (ONNX PRelu)";
  let description = [{
    `out = input < 0 ? slope * input : input`, elementwise on f32 tensors.
    `slope` broadcasts unidirectionally to `input` (ONNX's rule): its rank is
    at most the input's, and aligned at the last dimension each of its
    dimensions equals the input's or is 1. The result has the input's type.

    A constant splat slope canonicalizes to `qnt.leaky_relu`.

    ```mlir
    %y = qnt.prelu %x, %s : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input, Qnt_FloatTensor:$slope);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $slope attr-dict `:` `(` type($input) `,` type($slope) `)` `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Qnt_HardSigmoidOp : Qnt_UnaryOp<"hard_sigmoid"> {
  let summary = "max(0, min(1, alpha * x + beta)) (ONNX HardSigmoid)";
  let description = [{
    `out = max(0, min(1, alpha * input + beta))`, elementwise; the product
    and the sum are each rounded to f32 (no fused multiply-add). `alpha`
    and `beta` are finite. Input and result have the same shape and are both
    float or both per-tensor quantized (each with its own parameters; the
    op computes on the real values).

    ```mlir
    %y = qnt.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32}
         : tensor<8xf32> -> tensor<8xf32>
    ```
  }];
  let arguments = (ins Qnt_Tensor:$input, F32Attr:$alpha, F32Attr:$beta);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Qnt_LogSoftmaxOp : Qnt_Op<"log_softmax", [Pure, SameOperandsAndResultType]> {
  let summary = "Logarithm of softmax along one axis (ONNX LogSoftmax, opset 13)";
  let description = [{
    `out[..., i, ...] = (x_i - m) - log(sum_j exp(x_j - m))` with
    `m = max_j x_j`, where `i` and `j` run along `axis`,
    `0 <= axis < rank`. Input and result are f32 tensors of one type.

    ```mlir
    %y = qnt.log_softmax %x {axis = 1 : i64} : tensor<1x10xf32>
    ```
  }];
  let arguments = (ins Qnt_FloatTensor:$input, I64Attr:$axis);
  let results = (outs Qnt_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD
