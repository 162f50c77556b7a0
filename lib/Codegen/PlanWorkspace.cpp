//===- PlanWorkspace.cpp - Allocations into one workspace buffer ----------===//
//
// Implements qnt-plan-workspace: live ranges over the function body's
// top-level ops, then greedy first-fit placement, largest buffer first.
//
//===----------------------------------------------------------------------===//

#include "quantc/Codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace mlir::quantc {
#define GEN_PASS_DEF_QNTPLANWORKSPACE
#include "quantc/Codegen/Passes.h.inc"
} // namespace mlir::quantc

using namespace mlir;
using namespace mlir::quantc;

namespace {

struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  int64_t first = 0; // top-level position of the allocation
  int64_t last = 0;  // top-level position of the last use of any alias
  int64_t offset = 0;
};

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

/// The last top-level position at which `value` or a memref derived from it
/// (any memref result of a user) is used. Returns `end` when a use escapes
/// through the body's terminator.
int64_t lastUse(Value value, Block &body,
                const DenseMap<Operation *, int64_t> &positions, int64_t end) {
  int64_t last = 0;
  SmallVector<Value> worklist{value};
  DenseSet<Value> seen{value};
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    for (Operation *user : current.getUsers()) {
      Operation *top = body.findAncestorOpInBlock(*user);
      if (!top || top == body.getTerminator())
        return end;
      last = std::max(last, positions.lookup(top));
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()) && seen.insert(result).second)
          worklist.push_back(result);
    }
  }
  return last;
}

struct QntPlanWorkspacePass
    : mlir::quantc::impl::QntPlanWorkspaceBase<QntPlanWorkspacePass> {
  using Base::Base;

  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() &&
          failed(planFunction(func)))
        return signalPassFailure();
  }

  LogicalResult planFunction(func::FuncOp func) {
    if (alignment <= 0 || (alignment & (alignment - 1)))
      return func.emitError("workspace alignment must be a power of two");
    Block &body = func.getBody().front();
    DenseMap<Operation *, int64_t> positions;
    int64_t position = 0;
    for (Operation &op : body)
      positions[&op] = position++;

    SmallVector<Buffer> buffers;
    WalkResult walk = func.walk([&](memref::AllocOp alloc) {
      MemRefType type = alloc.getType();
      if (!type.hasStaticShape() || !type.getLayout().isIdentity())
        return alloc.emitError("workspace planning needs a statically "
                               "shaped, contiguous allocation"),
               WalkResult::interrupt();
      if (alloc->getBlock() != &body)
        return alloc.emitError("workspace planning needs allocations at "
                               "the top level of the function"),
               WalkResult::interrupt();
      Buffer buffer;
      buffer.alloc = alloc;
      // LLVM stores sub-byte elements (i1, i4) one per byte.
      int64_t elementBytes = (type.getElementTypeBitWidth() + 7) / 8;
      buffer.bytes = alignTo(
          std::max<int64_t>(1, type.getNumElements() * elementBytes),
          alignment);
      buffer.first = positions.lookup(alloc);
      buffer.last = std::max(buffer.first,
                             lastUse(alloc, body, positions, position));
      buffers.push_back(buffer);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();

    int64_t size = assignOffsets(buffers);
    rewrite(func, buffers, size);
    return success();
  }

  /// First-fit placement, largest buffer first (ties in program order, so
  /// the result is deterministic); returns the workspace size.
  int64_t assignOffsets(MutableArrayRef<Buffer> buffers) {
    SmallVector<Buffer *> order;
    for (Buffer &buffer : buffers)
      order.push_back(&buffer);
    llvm::sort(order, [](Buffer *a, Buffer *b) {
      return std::make_pair(-a->bytes, a->first) <
             std::make_pair(-b->bytes, b->first);
    });
    SmallVector<Buffer *> placed;
    int64_t size = 0;
    for (Buffer *buffer : order) {
      SmallVector<std::pair<int64_t, int64_t>> busy;
      for (Buffer *other : placed)
        if (other->first <= buffer->last && buffer->first <= other->last)
          busy.push_back({other->offset, other->offset + other->bytes});
      llvm::sort(busy);
      int64_t offset = 0;
      for (auto [begin, end] : busy) {
        if (offset + buffer->bytes <= begin)
          break;
        offset = std::max(offset, end);
      }
      buffer->offset = offset;
      size = std::max(size, offset + buffer->bytes);
      placed.push_back(buffer);
    }
    return size;
  }

  void rewrite(func::FuncOp func, ArrayRef<Buffer> buffers, int64_t size) {
    MLIRContext *ctx = func.getContext();
    OpBuilder b(ctx);
    auto workspaceType =
        MemRefType::get({std::max<int64_t>(size, 1)}, b.getI8Type());
    unsigned index = func.getNumArguments();
    (void)func.insertArgument(index, workspaceType,
                              b.getDictionaryAttr(b.getNamedAttr(
                                  "qnt.workspace", b.getUnitAttr())),
                              func.getLoc());
    Value workspace = func.getArgument(index);
    func->setAttr(kWorkspaceSizeAttr, b.getI64IntegerAttr(size));
    for (const Buffer &buffer : buffers) {
      memref::AllocOp alloc = buffer.alloc;
      b.setInsertionPoint(alloc);
      Value offset =
          arith::ConstantIndexOp::create(b, alloc.getLoc(), buffer.offset);
      Value view = memref::ViewOp::create(b, alloc.getLoc(), alloc.getType(),
                                          workspace, offset, ValueRange{});
      for (Operation *user : llvm::make_early_inc_range(alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      alloc.replaceAllUsesWith(view);
      alloc.erase();
    }
  }
};

} // namespace
