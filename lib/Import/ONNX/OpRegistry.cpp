//===- OpRegistry.cpp - The table of ONNX op handlers ---------------------===//
//
// Stores handlers by op and opset, and builds the one registry every import
// uses from the topic files' populate functions.
//
//===----------------------------------------------------------------------===//

#include "OpRegistry.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::quantc::onnx_import;

static std::string key(StringRef domain, StringRef opType) {
  if (domain == "ai.onnx")
    domain = kDefaultDomain;
  return (domain + "::" + opType).str();
}

void OpRegistry::on(StringRef opType, int64_t sinceVersion, OpHandler handler,
                    StringRef domain) {
  std::vector<Entry> &versions = handlers[key(domain, opType)];
  versions.push_back(
      {domain.str(), opType.str(), sinceVersion, std::move(handler)});
  llvm::sort(versions, [](const Entry &a, const Entry &b) {
    return a.sinceVersion < b.sinceVersion;
  });
}

const OpHandler *OpRegistry::lookup(StringRef domain, StringRef opType,
                                    int64_t opset) const {
  auto it = handlers.find(key(domain, opType));
  if (it == handlers.end())
    return nullptr;
  const OpHandler *found = nullptr;
  for (const Entry &entry : it->second)
    if (entry.sinceVersion <= opset)
      found = &entry.handler;
  return found;
}

std::vector<const OpRegistry::Entry *> OpRegistry::entries() const {
  std::vector<const Entry *> all;
  for (const auto &versions : handlers)
    for (const Entry &entry : versions.getValue())
      all.push_back(&entry);
  llvm::sort(all, [](const Entry *a, const Entry *b) {
    return std::tie(a->domain, a->opType, a->sinceVersion) <
           std::tie(b->domain, b->opType, b->sinceVersion);
  });
  return all;
}

const OpRegistry &OpRegistry::get() {
  static const OpRegistry registry = [] {
    OpRegistry r;
    populateElementwiseHandlers(r);
    populateNNHandlers(r);
    populateShapeHandlers(r);
    populateQuantizedHandlers(r);
    populateResizeHandlers(r);
    return r;
  }();
  return registry;
}
