//===- Passes.h - Passes of the buffer and LLVM stages ----------*- C++ -*-===//
//
// Declares the passes generated from Passes.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CODEGEN_PASSES_H
#define QUANTC_CODEGEN_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Pass/Pass.h"

namespace mlir::quantc {

#define GEN_PASS_DECL
#include "quantc/Codegen/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quantc/Codegen/Passes.h.inc"

/// The function attribute holding the workspace size in bytes.
inline constexpr llvm::StringLiteral kWorkspaceSizeAttr = "qnt.workspace_size";

} // namespace mlir::quantc

#endif // QUANTC_CODEGEN_PASSES_H
