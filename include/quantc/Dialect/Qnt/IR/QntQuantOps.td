//===- QntQuantOps.td - Quant ops of the qnt dialect -*- tablegen -*-===//
//
// Ops added for the ONNX importer's quant handlers; included by QntOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD
#define QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD

#endif // QUANTC_DIALECT_QNT_IR_QNTQUANTOPS_TD
