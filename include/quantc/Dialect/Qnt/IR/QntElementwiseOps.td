//===- QntElementwiseOps.td - Elementwise ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's elementwise handlers; included by QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD

#endif // QUANTC_DIALECT_QNT_IR_QNTELEMENTWISEOPS_TD
