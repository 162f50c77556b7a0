//===- RetypeEmptyArguments.cpp - Zero-element arguments as memref<0xT> ---===//
//
// Implements qnt-retype-empty-arguments.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTRETYPEEMPTYARGUMENTS
#include "quantc/Codegen/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {

/// The memref<0xT> that replaces `type` at the boundary, or null when
/// `type` keeps its place (it has elements, is already that, or has a
/// layout a local buffer could not reproduce).
MemRefType getEmptyArgumentType(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || !memref.hasStaticShape() || memref.getNumElements() != 0 ||
      !memref.getLayout().isIdentity())
    return {};
  auto flat = MemRefType::get({0}, memref.getElementType(), AffineMap(),
                              memref.getMemorySpace());
  return flat == memref ? MemRefType() : flat;
}

struct QntRetypeEmptyArgumentsPass
    : mlir::quantc::impl::QntRetypeEmptyArgumentsBase<
          QntRetypeEmptyArgumentsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() &&
          SymbolTable::symbolKnownUseEmpty(func, module))
        retype(func);
  }

  void retype(func::FuncOp func) {
    Block &entry = func.getBody().front();
    OpBuilder b = OpBuilder::atBlockBegin(&entry);
    SmallVector<Type> inputs(func.getArgumentTypes());
    for (auto [index, argument] : llvm::enumerate(entry.getArguments())) {
      MemRefType flat = getEmptyArgumentType(argument.getType());
      if (!flat)
        continue;
      if (!argument.use_empty()) {
        Value local = memref::AllocaOp::create(
            b, argument.getLoc(), cast<MemRefType>(argument.getType()));
        argument.replaceAllUsesWith(local);
      }
      argument.setType(flat);
      inputs[index] = flat;
    }
    func.setType(
        FunctionType::get(&getContext(), inputs, func.getResultTypes()));
  }
};

} // namespace
