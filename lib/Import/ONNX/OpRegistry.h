//===- OpRegistry.h - The table of ONNX op handlers -------------*- C++ -*-===//
//
// Handlers are keyed by (domain, op type) and the opset version they apply
// from: the one with the greatest sinceVersion not above the model's opset
// for that domain converts the node. Adding an op is one `on(...)` call in
// the populate function of its topic file, plus a lit test.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_LIB_IMPORT_ONNX_OPREGISTRY_H
#define QUANTC_LIB_IMPORT_ONNX_OPREGISTRY_H

#include "OpBinder.h"

#include "llvm/ADT/StringMap.h"

#include <functional>
#include <vector>

namespace mlir::quantc::onnx_import {

using OpHandler = std::function<LogicalResult(OpBinder &)>;

/// The default ONNX domain; "ai.onnx" is read as "" too.
inline constexpr llvm::StringLiteral kDefaultDomain = "";
inline constexpr llvm::StringLiteral kMicrosoftDomain = "com.microsoft";

class OpRegistry {
public:
  /// Registers `handler` for `opType` in `domain` from opset `sinceVersion`.
  void on(StringRef opType, int64_t sinceVersion, OpHandler handler,
          StringRef domain = kDefaultDomain);

  /// The handler for a node of `opType` in a model importing `opset` of
  /// `domain`, or null.
  const OpHandler *lookup(StringRef domain, StringRef opType,
                          int64_t opset) const;

  struct Entry {
    std::string domain;
    std::string opType;
    int64_t sinceVersion;
    OpHandler handler;
  };
  /// Every registered handler, sorted by domain, op type and version.
  std::vector<const Entry *> entries() const;

  /// The registry with every handler of the importer.
  static const OpRegistry &get();

private:
  llvm::StringMap<std::vector<Entry>> handlers; // "domain::OpType"
};

// One populate function per topic file under Ops/.
void populateElementwiseHandlers(OpRegistry &registry);
void populateNNHandlers(OpRegistry &registry);
void populateShapeHandlers(OpRegistry &registry);
void populateQuantizedHandlers(OpRegistry &registry);
void populateResizeHandlers(OpRegistry &registry);

} // namespace mlir::quantc::onnx_import

#endif // QUANTC_LIB_IMPORT_ONNX_OPREGISTRY_H
