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

#endif // QUANTC_DIALECT_QNT_TRANSFORMS_PASSES_TD
