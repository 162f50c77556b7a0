//===- QntToLinalg.h - Lowering of qnt ops to linalg ------------*- C++ -*-===//
//
// The type converter and pattern population of convert-qnt-to-linalg, for
// drivers that assemble their own conversion.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_CONVERSION_QNTTOLINALG_QNTTOLINALG_H
#define QUANTC_CONVERSION_QNTTOLINALG_QNTTOLINALG_H

#include "mlir/Transforms/DialectConversion.h"

namespace mlir::quantc {

/// Maps `qnt`-level types to builtin ones: quantized element types to their
/// signless storage integer, signed/unsigned integers to signless ones of
/// the same width; f32, small floats and index stay.
class QntTypeConverter : public TypeConverter {
public:
  QntTypeConverter();
};

/// Adds the patterns lowering every `qnt` op.
void populateQntToLinalgConversionPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns);

} // namespace mlir::quantc

#endif // QUANTC_CONVERSION_QNTTOLINALG_QNTTOLINALG_H
