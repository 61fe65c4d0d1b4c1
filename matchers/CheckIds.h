//===- CheckIds.h - the public check ids ------------------------*- C++ -*-===//
#ifndef MPL_MATCHERS_CHECKIDS_H
#define MPL_MATCHERS_CHECKIDS_H

namespace mpl {

enum class CheckKind {
  LegacyHook,
  VmFlags,
  RemapRange,
  StatefulHook,
  ApiMisuse
};

namespace check {
inline constexpr const char *LegacyHook = "mmap-prepare-legacy-hook";
inline constexpr const char *VmFlags = "mmap-prepare-vm-flags";
inline constexpr const char *RemapRange = "mmap-prepare-remap-range";
inline constexpr const char *StatefulHook = "mmap-prepare-stateful-hook";
inline constexpr const char *ApiMisuse = "mmap-prepare-api-misuse";
} // namespace check

inline const char *checkId(CheckKind K) {
  switch (K) {
  case CheckKind::LegacyHook:
    return check::LegacyHook;
  case CheckKind::VmFlags:
    return check::VmFlags;
  case CheckKind::RemapRange:
    return check::RemapRange;
  case CheckKind::StatefulHook:
    return check::StatefulHook;
  case CheckKind::ApiMisuse:
    return check::ApiMisuse;
  }
  return "";
}

} // namespace mpl

#endif
