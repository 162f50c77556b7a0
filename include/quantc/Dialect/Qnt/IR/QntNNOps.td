//===- QntNNOps.td - NN ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's nn handlers; included by QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD

#endif // QUANTC_DIALECT_QNT_IR_QNTNNOPS_TD
