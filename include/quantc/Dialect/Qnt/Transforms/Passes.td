//===- Passes.td - Passes of the qnt dialect ---------------*- tablegen -*-===//
//
// Transformations on `qnt` IR. Each pass has its own lit test file named
// after its flag under test/Dialect/Qnt/Transforms.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_TD
#define QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def QntSinkTransposes : Pass<"qnt-sink-transposes"> {
  let summary = "Moves transposes below layout-agnostic ops so pairs cancel";
  let description = [{
    ONNX models are NCHW while `qnt` spatial ops are NHWC, so the importer
    wraps each spatial op in a pair of `qnt.transpose` ops. This pass moves
    a transpose below the ops that do not care about layout - the
    elementwise activations and math functions, `quantize`, `dequantize`,
    `requantize`, `storage_cast`, `cast`, the broadcasting binary ops
    (`add`, `sub`, `mul`, `div`, `pow`, `prelu`, `int_*`; when every
    operand is a transpose with the same permutation, or a constant),
    `softmax`/`log_softmax`, `concat` (the axis is remapped) and `pad`
    (the pads are permuted) - until it meets the next transpose, where the
    two compose and, for NHWC/NCHW round trips, cancel.

    A transpose is moved only when it has no other users, so the pass never
    adds a transpose to a path; at worst it leaves the IR unchanged.

    ```mlir
    %t = qnt.transpose %x {perm = array<i64: 0, 3, 1, 2>} : ...
    %r = qnt.clamp %t {min = 0.0 : f32} : ...
    %u = qnt.transpose %r {perm = array<i64: 0, 2, 3, 1>} : ...
    // becomes
    %r = qnt.clamp %x {min = 0.0 : f32} : ...
    ```
  }];
  let dependentDialects = ["::mlir::quantc::QntDialect"];
  let statistics = [
    Statistic<"numSunk", "sunk-transposes",
              "Number of ops a transpose was moved below">
  ];
}

def QntInsertQDQ : Pass<"qnt-insert-qdq", "::mlir::func::FuncOp"> {
  let summary = "Quantizes a float model from calibration statistics";
  let description = [{
    Reads the calibration statistics (`quantc calibrate`'s JSON, keyed by
    ONNX tensor name; the importer records each value's ONNX name in the
    `onnx.name` attribute of its producer, or of the function argument) and
    puts `qnt.quantize` / `qnt.dequantize` pairs around every quantizable
    op: activations get per-tensor parameters from their calibrated range
    (asymmetric u8 by default; `activation-type=s8`,
    `symmetric-activations`), constant weights get per-channel symmetric s8
    parameters (`weight-granularity=per-tensor` for one scale), biases are
    left float for `qnt-fold-scales`. Ops that cannot be quantized, or
    whose inputs have no statistics, stay float between dequantize and
    quantize, and each is reported with a remark at its location.

    Convolution weights are rounded to their grid keeping the sum of every
    kernel (one output and one input channel, all taps: its response to a
    constant input) within half a step of the float kernel's
    (`weight-rounding=kernel-sum`, the default): to nearest, then the taps
    nearest to a rounding boundary move across it while the kernel's
    rounding errors add up to more than half a step. With nearest rounding
    alone (`weight-rounding=nearest`) those errors add up like a random
    walk, and smooth image regions see their sum.

    Graph outputs keep their precision unless `narrow-outputs` is set: a
    convolution or matrix product whose result only reaches the function's
    results (through reshapes, transposes or clamps) yields its i32
    accumulator (zero point 0, a scale 2^-24 of the calibrated magnitude),
    and other ops there stay float. Rounding logits or a regression to 256
    levels at the last step would only add error where the model decides.
  }];
  let options = [
    Option<"weightRounding", "weight-rounding", "std::string",
           /*default=*/"\"kernel-sum\"",
           "Rounding of convolution weights: kernel-sum or nearest">,
    Option<"narrowOutputs", "narrow-outputs", "bool", /*default=*/"false",
           "Quantize graph outputs to 8 bits like every other activation">,
    Option<"statsFile", "stats", "std::string", /*default=*/"\"\"",
           "Calibration statistics (JSON) written by `quantc calibrate`">,
    Option<"activationType", "activation-type", "std::string",
           /*default=*/"\"u8\"", "Activation storage: u8 or s8">,
    Option<"symmetricActivations", "symmetric-activations", "bool",
           /*default=*/"false", "Zero point 0 for activations">,
    Option<"weightGranularity", "weight-granularity", "std::string",
           /*default=*/"\"per-channel\"",
           "Weight scales: per-channel or per-tensor">,
  ];
  let dependentDialects = ["::mlir::quantc::QntDialect",
                           "::mlir::quant::QuantDialect"];
  let statistics = [
    Statistic<"numQuantized", "quantized-ops", "Ops given quantized operands">,
    Statistic<"numLeftFloat", "float-ops", "Quantizable ops left in float">,
  ];
}

def QntQuantizeOps : Pass<"qnt-quantize-ops", "::mlir::func::FuncOp"> {
  let summary = "Turns dequantize -> op -> quantize into one quantized op";
  let description = [{
    Where every float operand of a compute op (conv2d, matmul,
    fully_connected, add, mul, pools, concat, ...) comes from
    `qnt.dequantize` and its only use is a `qnt.quantize`, the op is
    rebuilt on the `!quant.uniform` tensors: it computes on the quantized
    values, and its result type carries the quantize's parameters. This is
    how imported QDQ models (and QLinear* ops) and models quantized by
    `qnt-insert-qdq` reach integer kernels. A `qnt.cast` between quantize
    and dequantize that only changes the storage type (PyTorch's
    QuantizeLinear -> Cast -> DequantizeLinear) is looked through.
  }];
  let dependentDialects = ["::mlir::quantc::QntDialect"];
  let statistics = [
    Statistic<"numQuantized", "quantized-ops", "Ops rebuilt on quantized operands">,
  ];
}

def QntFoldScales : Pass<"qnt-fold-scales", "::mlir::func::FuncOp"> {
  let summary = "Folds constant weights and biases into integer constants";
  let description = [{
    After `qnt-quantize-ops`: quantizes constant float weights to integer
    constants of their quantized type, turns a float bias into an i32
    constant with scale `s_in * s_w` (per output channel for per-axis
    weights) and zero point 0, and folds the remaining constant arithmetic
    (BatchNormalization folded into a convolution, transposes of constants)
    before that, so no float constant reaches an integer kernel.
  }];
  let dependentDialects = ["::mlir::quantc::QntDialect"];
  let statistics = [
    Statistic<"numFolded", "folded-constants", "Constants folded to integers">,
  ];
}

def QntFuseRequant : Pass<"qnt-fuse-requant", "::mlir::func::FuncOp"> {
  let summary = "Fuses activations and requantization into producers";
  let description = [{
    A `qnt.clamp` (ReLU, ReLU6, Clip) on a quantized value becomes the
    clamp bounds of its producer's epilogue; a requantize of a compute
    op's result becomes the op's result type; requantize chains and
    dequantize -> quantize pairs collapse into one requantize; a requantize
    between identical types vanishes.
  }];
  let dependentDialects = ["::mlir::quantc::QntDialect"];
  let statistics = [
    Statistic<"numFused", "fused-ops", "Activations and requantizations fused">,
  ];
}

#endif // QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_TD
