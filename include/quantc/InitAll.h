//===- InitAll.h - Registration of everything QuantC provides ---*- C++ -*-===//
//
// The one place that registers QuantC's dialects, the upstream dialects it
// uses, its passes and its named pipelines. Every tool calls these.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_INITALL_H
#define QUANTC_INITALL_H

namespace mlir {
class DialectRegistry;

namespace quantc {

/// Adds QuantC's dialects and the upstream dialects its IR and pipelines use.
void registerAllDialects(DialectRegistry &registry);

/// Registers QuantC's passes and named pipelines with the global registry.
void registerAllPasses();

} // namespace quantc
} // namespace mlir

#endif // QUANTC_INITALL_H
