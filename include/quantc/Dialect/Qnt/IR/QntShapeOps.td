//===- QntShapeOps.td - Shape ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's shape handlers; included by QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD

#endif // QUANTC_DIALECT_QNT_IR_QNTSHAPEOPS_TD
