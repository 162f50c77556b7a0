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

def QntRetypeEmptyArguments
    : Pass<"qnt-retype-empty-arguments", "::mlir::ModuleOp"> {
  let summary = "Passes zero-element buffers of public functions as "
                "memref<0xT>";
  let description = [{
    The bare-pointer calling convention of the LLVM lowering needs static
    strides, which an identity-layout memref with a zero dimension after
    the first (`memref<3x0x4xf32>`, an empty Slice or Reshape result) does
    not have: such a function would stay unconverted. Every memref argument
    of a public function that has no elements and is not already
    `memref<0xT>` becomes `memref<0xT>`, and the body uses a local
    zero-size `memref.alloca` of the original type instead: with no
    elements there is nothing to read or write through the caller's
    pointer. The C interface keeps the tensor's true shape (element count
    0). Functions that are called inside the module keep their signature.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def QntDistinctResults : Pass<"qnt-distinct-results", "::mlir::func::FuncOp"> {
  let summary = "Copies repeated and argument results of a function into "
                "fresh tensors";
  let description = [{
    Every result of a compiled function becomes its own out-parameter
    buffer. A function that returns the same tensor twice (two ONNX outputs
    that CSE made one value) or returns one of its arguments would need one
    buffer to be two out-parameters, or an input and an out-parameter, which
    buffer-results-to-out-params cannot express. Before bufferization, each return operand that repeats an
    earlier one, or is a block argument of the function, is replaced by a
    `bufferization.alloc_tensor() copy(%value)`, so that every result has a
    buffer of its own (the copy becomes a `memref.copy` into the
    out-parameter).
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect"];
}

#endif // QUANTC_CODEGEN_PASSES_TD
