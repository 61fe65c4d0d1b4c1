//===- FaultHooks.cpp -----------------------------------------------------===//
#include "core/FaultHooks.h"

namespace mpl {

FaultHooks &faultHooks() {
  static FaultHooks Hooks;
  return Hooks;
}

} // namespace mpl
