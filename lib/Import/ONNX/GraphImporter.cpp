//===- GraphImporter.cpp - One ONNX graph into one func.func --------------===//
//
// Checks the graph's structure before converting anything (every input
// defined earlier, no value defined twice, every op supported - all
// unsupported ops reported at once), then converts the nodes in order
// through the op registry, and finally checks the outputs against the
// shapes the model declares.
//
//===----------------------------------------------------------------------===//

#include "GraphImporter.h"
#include "OpRegistry.h"
#include "TensorConversion.h"

#include "quantc/Dialect/Qnt/IR/QntOps.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "llvm/Support/FormatVariadic.h"
#include <climits>

#include "llvm/ADT/SmallSet.h"

#include <map>
#include <queue>

using namespace mlir;
using namespace mlir::quantc;
using namespace mlir::quantc::onnx_import;

/// The attribute naming a value's ONNX tensor (see recordONNXName).
static constexpr StringLiteral kONNXNameAttr("onnx.name");

/// The static dims of a declared ONNX shape, -1 where unknown.
static SmallVector<int64_t> declaredDims(const onnx::TensorShapeProto &shape) {
  SmallVector<int64_t> dims;
  for (const onnx::TensorShapeProto::Dimension &dim : shape.dim())
    dims.push_back(dim.has_dim_value() && dim.dim_value() > 0 ? dim.dim_value()
                                                              : -1);
  return dims;
}

static bool matchesDeclared(ArrayRef<int64_t> declared, RankedTensorType type) {
  if (declared.size() != static_cast<size_t>(type.getRank()))
    return false;
  for (auto [d, actual] : llvm::zip(declared, type.getShape()))
    if (d >= 0 && d != actual)
      return false;
  return true;
}

static void printDims(InFlightDiagnostic &diag, ArrayRef<int64_t> dims) {
  diag << "[";
  llvm::interleaveComma(dims, diag, [&](int64_t d) {
    if (d < 0)
      diag << "?";
    else
      diag << d;
  });
  diag << "]";
}

GraphImporter::GraphImporter(MLIRContext *context,
                             const onnx::ModelProto &model, StringRef modelDir,
                             StringRef modelName, const ImportOptions &options)
    : context(context), model(model), graph(model.graph()),
      modelDir(modelDir.str()), modelName(modelName.str()), options(options),
      builder(context), constantBuilder(context) {}

Location GraphImporter::getNodeLoc(const onnx::NodeProto &node,
                                   unsigned index) {
  std::string domain = node.domain().empty() || node.domain() == "ai.onnx"
                           ? std::string()
                           : node.domain() + ".";
  std::string name = node.name().empty() ? llvm::formatv("#{0}", index).str()
                                         : "'" + node.name() + "'";
  std::string label =
      llvm::formatv("{0}: node {1} ({2}{3}, opset {4})", modelName, name,
                    domain, node.op_type(), getOpset(node.domain()))
          .str();
  return NameLoc::get(StringAttr::get(context, label));
}

Location GraphImporter::getValueLoc(StringRef kind, StringRef name) {
  return NameLoc::get(
      StringAttr::get(context, modelName + ": " + kind + " '" + name + "'"));
}

int64_t GraphImporter::getOpset(StringRef domain) const {
  if (domain == "ai.onnx")
    domain = kDefaultDomain;
  auto it = opsets.find(domain);
  return it == opsets.end() ? -1 : it->second;
}

LogicalResult GraphImporter::collectOpsets() {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import()) {
    StringRef domain = opset.domain();
    if (domain == "ai.onnx")
      domain = kDefaultDomain;
    opsets[domain] = opset.version();
  }
  if (!opsets.count(kDefaultDomain))
    opsets[kDefaultDomain] = model.ir_version() <= 2 ? 1 : -1;
  return success();
}

LogicalResult GraphImporter::checkGraphStructure() {
  llvm::StringSet<> available;
  for (const onnx::TensorProto &init : graph.initializer()) {
    if (!available.insert(init.name()).second)
      return emitError(getValueLoc("initializer", init.name()))
             << "is defined twice";
    initializers[init.name()] = &init;
  }
  for (const onnx::ValueInfoProto &input : graph.input())
    available.insert(input.name());

  // Each value has one producer; inputs must be produced somewhere.
  llvm::StringMap<unsigned> producer;
  for (auto [index, node] : llvm::enumerate(graph.node()))
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      if (available.contains(output) ||
          !producer.try_emplace(output, index).second)
        return emitError(getNodeLoc(node, index))
               << "output '" << output
               << "' is already defined: ONNX values have one producer";
    }
  size_t numNodes = graph.node_size();
  SmallVector<SmallVector<unsigned>> users(numNodes);
  SmallVector<unsigned> pending(numNodes, 0);
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    llvm::SmallSet<unsigned, 4> producers;
    for (const std::string &input : node.input()) {
      if (input.empty() || available.contains(input))
        continue;
      auto it = producer.find(input);
      if (it == producer.end())
        return emitError(getNodeLoc(node, index))
               << "input '" << input
               << "' is neither a graph input, an initializer nor the output "
                  "of a node";
      if (producers.insert(it->second).second) {
        users[it->second].push_back(index);
        ++pending[index];
      }
    }
  }

  // Kahn's algorithm, taking the earliest ready node first so that a sorted
  // graph keeps its order.
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>>
      ready;
  for (unsigned i = 0; i < numNodes; ++i)
    if (pending[i] == 0)
      ready.push(i);
  nodeOrder.clear();
  while (!ready.empty()) {
    unsigned next = ready.top();
    ready.pop();
    nodeOrder.push_back(next);
    for (unsigned user : users[next])
      if (--pending[user] == 0)
        ready.push(user);
  }
  if (nodeOrder.size() != numNodes) {
    unsigned stuck = 0;
    while (pending[stuck] == 0)
      ++stuck;
    return emitError(getNodeLoc(graph.node(stuck), stuck))
           << "is part of a cycle: its inputs depend on its own outputs";
  }
  if (!llvm::is_sorted(nodeOrder))
    emitWarning(FileLineColLoc::get(context, modelName, 0, 0))
        << "the graph is not topologically sorted, as ONNX requires; "
           "importing its nodes in dependency order";

  for (const onnx::ValueInfoProto &output : graph.output())
    if (!available.contains(output.name()) && !producer.count(output.name()))
      return emitError(getValueLoc("graph output", output.name()))
             << "is not produced by any node, input or initializer";
  return success();
}

LogicalResult GraphImporter::checkSupported() {
  const OpRegistry &registry = OpRegistry::get();
  // Op label -> count, sorted for a stable summary.
  std::map<std::string, unsigned> unsupported;
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    int64_t opset = getOpset(node.domain());
    Location loc = getNodeLoc(node, index);
    std::string label = (node.domain().empty() || node.domain() == "ai.onnx"
                             ? node.op_type()
                             : node.domain() + "." + node.op_type());
    if (opset < 0) {
      emitError(loc) << "the model imports no opset of domain '"
                     << node.domain() << "'";
      ++unsupported[label];
      continue;
    }
    if (!registry.lookup(node.domain(), node.op_type(), opset)) {
      emitError(loc) << "unsupported op " << label << " at opset " << opset
                     << " (see docs/Importer.md for what QuantC imports)";
      ++unsupported[label];
    }
  }
  if (unsupported.empty())
    return success();
  auto diag = emitError(FileLineColLoc::get(context, modelName, 0, 0))
              << "the model uses unsupported ops: ";
  llvm::interleaveComma(unsupported, diag, [&](const auto &entry) {
    diag << entry.first << " (" << entry.second
         << (entry.second == 1 ? " node)" : " nodes)");
  });
  return failure();
}

FailureOr<RankedTensorType>
GraphImporter::convertInputType(const onnx::ValueInfoProto &info,
                                Location loc) {
  if (!info.type().has_tensor_type())
    return emitError(loc) << "is not a tensor; QuantC imports tensor inputs "
                             "only";
  const onnx::TypeProto::Tensor &tensorType = info.type().tensor_type();
  FailureOr<Type> element =
      convertElementType(tensorType.elem_type(), loc, "input");
  if (failed(element))
    return failure();

  auto given = options.inputShapes.find(info.name());
  if (!tensorType.has_shape()) {
    if (given == options.inputShapes.end())
      return emitError(loc) << "has no declared shape; give it with "
                               "--input-shape "
                            << info.name() << "=...";
    return RankedTensorType::get(given->second, *element);
  }
  const onnx::TensorShapeProto &shape = tensorType.shape();
  if (given != options.inputShapes.end()) {
    if (static_cast<int>(given->second.size()) != shape.dim_size())
      return emitError(loc)
             << "has rank " << shape.dim_size()
             << " but --input-shape gives rank " << given->second.size();
    for (auto [index, dim] : llvm::enumerate(shape.dim()))
      if (dim.has_dim_value() && dim.dim_value() > 0 &&
          dim.dim_value() != given->second[index])
        return emitError(loc)
               << "dimension " << index << " is " << dim.dim_value()
               << " but --input-shape gives " << given->second[index];
    return RankedTensorType::get(given->second, *element);
  }

  SmallVector<int64_t> dims;
  for (auto [index, dim] : llvm::enumerate(shape.dim())) {
    if (dim.has_dim_value() && dim.dim_value() >= 0) {
      dims.push_back(dim.dim_value());
      continue;
    }
    if (dim.has_dim_value() && dim.dim_value() != -1)
      return emitError(loc) << "has invalid dimension " << dim.dim_value();
    // A symbolic dimension (dim_param, no value, or -1 as some exporters
    // write it).
    std::string symbol = dim.has_dim_param() ? "'" + dim.dim_param() + "'"
                                             : std::string("unnamed");
    if (options.symbolicDimSize <= 0)
      return emitError(loc) << "dimension " << index << " (" << symbol
                            << ") is symbolic; fix it with --input-shape";
    emitWarning(loc) << "dimension " << index << " (" << symbol
                     << ") is symbolic; assuming " << options.symbolicDimSize
                     << " (set it with --input-shape " << info.name()
                     << "=...)";
    dims.push_back(options.symbolicDimSize);
  }
  return RankedTensorType::get(dims, *element);
}

LogicalResult GraphImporter::createFunction() {
  for (const auto &entry : options.inputShapes)
    if (llvm::none_of(graph.input(), [&](const onnx::ValueInfoProto &input) {
          return input.name() == entry.getKey();
        }))
      return emitError(FileLineColLoc::get(context, modelName, 0, 0))
             << "--input-shape names '" << entry.getKey()
             << "', which is not an input of the model";

  for (const auto &entry : options.inputValues)
    if (llvm::none_of(graph.input(), [&](const onnx::ValueInfoProto &input) {
          return input.name() == entry.getKey();
        }))
      return emitError(FileLineColLoc::get(context, modelName, 0, 0))
             << "--input-value names '" << entry.getKey()
             << "', which is not an input of the model";

  SmallVector<Type> argTypes;
  SmallVector<const onnx::ValueInfoProto *> args;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    // An input with an initializer is a constant with a default value.
    if (initializers.count(input.name()))
      continue;
    auto bound = options.inputValues.find(input.name());
    if (bound != options.inputValues.end()) {
      if (failed(bindInputValue(input, bound->second)))
        return failure();
      continue;
    }
    FailureOr<RankedTensorType> type =
        convertInputType(input, getValueLoc("graph input", input.name()));
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    args.push_back(&input);
  }

  Location loc = FileLineColLoc::get(context, modelName, 0, 0);
  module = ModuleOp::create(loc);
  builder.setInsertionPointToEnd(module->getBody());
  auto funcType = builder.getFunctionType(argTypes, {});
  function = func::FuncOp::create(builder, loc, options.entryName, funcType);
  Block *entry = function.addEntryBlock();
  for (auto [index, input] : llvm::enumerate(args)) {
    values[input->name()] = entry->getArgument(index);
    function.setArgAttr(index, "onnx.name",
                        builder.getStringAttr(input->name()));
  }
  builder.setInsertionPointToEnd(entry);
  constantBuilder.setInsertionPointToStart(entry);
  return success();
}

LogicalResult GraphImporter::bindInputValue(const onnx::ValueInfoProto &input,
                                            StringRef path) {
  Location loc = getValueLoc("graph input", input.name());
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return emitError(loc) << "cannot read --input-value file '" << path
                          << "': " << file.getError().message();
  onnx::TensorProto tensor;
  if ((*file)->getBufferSize() > static_cast<size_t>(INT_MAX) ||
      !tensor.ParseFromArray((*file)->getBufferStart(),
                             static_cast<int>((*file)->getBufferSize())))
    return emitError(loc) << "--input-value file '" << path
                          << "' is not a serialized ONNX TensorProto";
  FailureOr<DenseElementsAttr> value =
      convertTensor(tensor, llvm::sys::path::parent_path(path), loc);
  if (failed(value))
    return failure();
  FailureOr<RankedTensorType> declared = convertInputType(input, loc);
  if (failed(declared))
    return failure();
  if (declared->getElementType() != value->getElementType() ||
      declared->getRank() != value->getType().getRank())
    return emitError(loc) << "is declared " << *declared
                          << " but --input-value gives " << value->getType();
  boundInputs[input.name()] = *value;
  return success();
}

bool GraphImporter::isGraphInput(StringRef name) const {
  return values.count(name) && isa<BlockArgument>(values.lookup(name));
}

Value GraphImporter::lookup(StringRef name) {
  auto it = values.find(name);
  if (it != values.end())
    return it->second;
  auto bound = boundInputs.find(name);
  if (bound != boundInputs.end()) {
    Value value =
        ConstantOp::create(constantBuilder, getValueLoc("graph input", name),
                           bound->second.getType(), bound->second);
    values[name] = value;
    return value;
  }
  auto init = initializers.find(name);
  if (init == initializers.end())
    return {};
  Location loc = getValueLoc("initializer", name);
  FailureOr<DenseElementsAttr> attr =
      convertTensor(*init->second, modelDir, loc);
  if (failed(attr))
    return {};
  Value value =
      ConstantOp::create(constantBuilder, loc, attr->getType(), *attr);
  values[name] = value;
  return value;
}

/// Sets result `resultIndex` of `op`'s ONNX name unless it has one: a
/// StringAttr for a single result, else an ArrayAttr aligned with the
/// results ("" where unnamed).
static void setONNXName(Operation *op, unsigned resultIndex, StringRef name) {
  MLIRContext *context = op->getContext();
  Attribute existing = op->getAttr(kONNXNameAttr);
  if (op->getNumResults() == 1) {
    if (!existing)
      op->setAttr(kONNXNameAttr, StringAttr::get(context, name));
    return;
  }
  SmallVector<Attribute> names(op->getNumResults(),
                               StringAttr::get(context, ""));
  if (auto array = dyn_cast_or_null<ArrayAttr>(existing)) {
    if (array.size() != names.size())
      return;
    names.assign(array.begin(), array.end());
  } else if (existing) {
    return;
  }
  auto current = dyn_cast<StringAttr>(names[resultIndex]);
  if (current && !current.getValue().empty())
    return;
  names[resultIndex] = StringAttr::get(context, name);
  op->setAttr(kONNXNameAttr, ArrayAttr::get(context, names));
}

/// Records the ONNX name of a node output in the `onnx.name` attribute of
/// the ops of the node that produce it (those after `lastOpBefore` in
/// `body`), so that statistics keyed by ONNX name find the value.
static void recordONNXName(Value value, StringRef name, Block *body,
                           Operation *lastOpBefore) {
  // Only ops this node created: a value it merely forwards (Identity) keeps
  // the name of the node that made it.
  auto createdByNode = [&](Operation *op) {
    return op && op->getBlock() == body &&
           !op->hasTrait<mlir::OpTrait::ConstantLike>() &&
           (!lastOpBefore || lastOpBefore->isBeforeInBlock(op));
  };
  // Layout ops wrap the op that computes the values (NCHW <-> NHWC around
  // a convolution): the computing op holds the same elements, so the name
  // goes on it too, where it outlives the transposes once they cancel.
  while (createdByNode(value.getDefiningOp())) {
    auto result = cast<OpResult>(value);
    Operation *op = result.getOwner();
    setONNXName(op, result.getResultNumber(), name);
    if (!isa<TransposeOp, ReshapeOp>(op))
      break;
    value = op->getOperand(0);
  }
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &node,
                                        unsigned index) {
  int64_t opset = getOpset(node.domain());
  const OpHandler *handler =
      OpRegistry::get().lookup(node.domain(), node.op_type(), opset);
  Location loc = getNodeLoc(node, index);
  OpBinder binder(*this, node, loc, opset);
  Block *body = &function.getBody().front();
  Operation *lastOpBefore = body->empty() ? nullptr : &body->back();
  if (failed((*handler)(binder)))
    return failure();
  for (const std::string &output : node.output()) {
    if (output.empty())
      continue;
    auto it = values.find(output);
    if (it == values.end())
      return emitError(loc)
             << "QuantC's handler left output '" << output << "' unset";
    checkDeclaredShape(output, it->second, loc);
    if (options.recordONNXNames)
      recordONNXName(it->second, output, body, lastOpBefore);
  }
  return success();
}

void GraphImporter::checkDeclaredShape(StringRef name, Value value,
                                       Location loc) {
  // The model's value_info comes from its exporter's shape inference; a
  // disagreement points at a stale value_info or at a QuantC bug, so say so
  // without failing a model that may be right.
  const onnx::ValueInfoProto *info = valueInfos.lookup(name);
  if (!info || !info->type().has_tensor_type() ||
      !info->type().tensor_type().has_shape())
    return;
  SmallVector<int64_t> declared =
      declaredDims(info->type().tensor_type().shape());
  auto type = cast<RankedTensorType>(value.getType());
  if (matchesDeclared(declared, type))
    return;
  auto diag = emitWarning(loc) << "output '" << name << "' has shape ";
  printDims(diag, type.getShape());
  diag << " after import, but the model's value_info declares ";
  printDims(diag, declared);
}

LogicalResult GraphImporter::createReturn() {
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Location loc = getValueLoc("graph output", output.name());
    Value value = lookup(output.name());
    if (!value)
      return failure();
    auto type = cast<RankedTensorType>(value.getType());
    if (output.type().has_tensor_type() &&
        output.type().tensor_type().has_shape()) {
      SmallVector<int64_t> declared =
          declaredDims(output.type().tensor_type().shape());
      if (!matchesDeclared(declared, type)) {
        auto diag = emitError(loc) << "has shape ";
        printDims(diag, type.getShape());
        diag << " after import, but the model declares ";
        printDims(diag, declared);
        return diag;
      }
    }
    results.push_back(value);
  }
  func::ReturnOp::create(builder, FileLineColLoc::get(context, modelName, 0, 0),
                         results);
  function.setType(builder.getFunctionType(function.getArgumentTypes(),
                                           ValueRange(results).getTypes()));
  for (auto [index, output] : llvm::enumerate(graph.output()))
    function.setResultAttr(index, "onnx.name",
                           builder.getStringAttr(output.name()));
  return success();
}

OwningOpRef<ModuleOp> GraphImporter::import() {
  if (!model.has_graph()) {
    emitError(FileLineColLoc::get(context, modelName, 0, 0))
        << "the model has no graph";
    return {};
  }
  for (const onnx::ValueInfoProto &info : graph.value_info())
    valueInfos[info.name()] = &info;
  if (failed(collectOpsets()) || failed(checkGraphStructure()) ||
      failed(checkSupported()) || failed(createFunction()))
    return {};
  for (unsigned index : nodeOrder)
    if (failed(importNode(graph.node(index), index)))
      return {};
  if (failed(createReturn()))
    return {};
  // Folding at import leaves ops it replaced (a weight before its layout
  // transpose, a conv a BatchNormalization was folded into) without users.
  // Users follow producers in the block, so one reverse sweep erases chains.
  Block &body = function.getBody().front();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
    if (isOpTriviallyDead(&op))
      op.erase();
  if (failed(verify(*module)))
    return {};
  return std::move(module);
}
