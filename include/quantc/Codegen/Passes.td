//===- Passes.td - Passes of the buffer and LLVM stages ----*- tablegen -*-===//
//
// Passes between bufferization and the LLVM dialect that make the compiled
// model fit QuantC's C ABI. Each has its own lit test under test/Codegen.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CODEGEN_PASSES_TD
#define QUANTC_CODEGEN_PASSES_TD

include "mlir/Pass/PassBase.td"

def QntPlanWorkspace : Pass<"qnt-plan-workspace", "::mlir::ModuleOp"> {
  let summary = "Places every buffer allocation in a caller-provided workspace";
  let description = [{
    The compiled model allocates nothing: each public function gets a
    trailing `memref<Nxi8>` argument (the workspace) and every
    `memref.alloc` in it becomes a `memref.view` at a fixed offset; the
    `memref.dealloc`s go. Buffers whose live ranges do not overlap share
    bytes: a buffer lives from its allocation to the last use of it or of
    any view of it, in the order of the function body's top-level ops, and
    offsets are assigned greedily, largest buffer first, at the lowest
    aligned offset free over its live range.

    The function gets the attribute `qnt.workspace_size` (bytes, a multiple
    of `alignment`). A dynamically shaped allocation, or one inside a
    region other than the function body, is an error.
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"64",
           "Byte alignment of every buffer in the workspace">,
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def QntCopiesToLinalg : Pass<"qnt-copies-to-linalg"> {
  let summary = "Rewrites memref.copy as linalg.copy";
  let description = [{
    `memref.copy` between non-contiguous buffers (views of a concat or pad
    destination) lowers to a call of MLIR's C runner library, which the
    compiled model must not need. `linalg.copy` lowers to loops instead,
    which LLVM turns back into `memcpy` where the buffers are contiguous.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

#endif // QUANTC_CODEGEN_PASSES_TD
