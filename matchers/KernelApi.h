//===- KernelApi.h - what the tool knows about kernel functions -*- C++ -*-===//
//
// One table, one row per kernel function or macro the analysis recognises:
// its role for an mmap hook, what each argument is, and (for legacy calls)
// the descriptor-side replacement with the API level that introduced it.
// Adding a legacy call is one row here plus its test; no analyser or
// rewriter keeps a list of names of its own.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_MATCHERS_KERNELAPI_H
#define MPL_MATCHERS_KERNELAPI_H

#include "matchers/Reasons.h"
#include "llvm/ADT/StringRef.h"
#include <array>

namespace mpl {

/// The ops-table slots of `struct file_operations` this tool is about.
inline constexpr const char *LegacySlot = "mmap";
inline constexpr const char *PrepareSlot = "mmap_prepare";

enum class ApiRole {
  /// Page-table work on the vma; becomes a deferred mmap_action_*().
  Action,
  /// An mmap_action_*() helper (code already on mmap_prepare).
  DescAction,
  /// A synchronous call with a descriptor twin called in its place; its
  /// result and the code after it keep their meaning.
  SyncTwin,
  /// vm_flags_*(): edits of the flag word.
  FlagHelper,
  /// Needs a VMA that mmap_prepare does not have (Reason says why).
  Blocker,
  /// Hands the vma to a framework's own mmap chain.
  FrameworkDispatch,
  /// A framework's mmap installed directly in a driver's table.
  FrameworkHandler,
  /// Takes state that outlives the call (allocation, reference, PM get).
  StateAcquire,
  /// Takes a lock; Replacement names the release.
  Lock,
  /// No effect on the mapping (logging, file_accessed()).
  Harmless,
  /// A descriptor helper renamed at MinLevel; Replacement is the new name.
  Renamed,
};

enum class ArgRole : unsigned char {
  None,
  Vma,     // the struct vm_area_struct *
  Desc,    // the struct vm_area_desc *
  File,    // the struct file * of the mapping
  Start,   // user address the work starts at
  Pfn,     // first page frame
  Size,    // length in bytes
  Prot,    // pgprot_t
  Phys,    // physical address
  Pages,   // struct page ** array
  Count,   // number of pages
  VmFlags, // a vm_flags_t word (vma->vm_flags)
  Mask,    // VM_xxx mask to set / test
  ClearMask,
  Other,
};

/// What an Action row becomes.
enum class ActionKind { Remap, IoRemap, SimpleIoRemap, MapPages, MapPagesZero };

/// What a FlagHelper row does to the word.
enum class FlagOp { None, Set, Clear, Mod, Reset };

struct KernelApiEntry {
  const char *Name;
  ApiRole Role;
  std::array<ArgRole, 5> Args{};
  /// Action: the action helper (its `_full` form is Replacement + "_full");
  /// SyncTwin: the twin; Lock: the release; Renamed: the new name.
  const char *Replacement = nullptr;
  /// Kernel release (major * 100 + minor) whose headers have Replacement.
  unsigned MinLevel = 0;
  ActionKind Action = ActionKind::Remap;
  FlagOp Flags = FlagOp::None;
  /// Blocker and dispatch rows: the code and why.
  ReasonCode Reason = ReasonCode::VmaEscapes;
  const char *Detail = nullptr;
  /// The call itself refuses to map past what it was given (vm_iomap_memory).
  bool ChecksBounds = false;
  /// SyncTwin: the replacement keeps the legacy name but takes the
  /// descriptor form (daxdev_mapping_supported()); availability is read
  /// from the declaration's parameter type, not from the name.
  bool SameNameNewForm = false;
  /// SyncTwin: the twin takes `&desc->vma_flags` where the legacy call took
  /// the vm_flags word (is_nommu_shared_vma_flags()); otherwise the
  /// descriptor itself (vma_desc_is_cow_mapping(desc)).
  bool TwinTakesFlags = false;
  /// SyncTwin: an argument the twin takes right after the descriptor that
  /// the legacy call read from the vma itself; `%D` is the descriptor
  /// (daxdev_mapping_supported(desc, file_inode(desc->file), dax_dev)).
  const char *TwinExtraArg = nullptr;

  /// Index of the argument with role \p R, or -1.
  int argIndex(ArgRole R) const;
};

/// The row for \p Name, or null.
const KernelApiEntry *lookupKernelApi(llvm::StringRef Name);
llvm::ArrayRef<KernelApiEntry> kernelApiTable();

/// Does calling \p Name take state that outlives the call? The table plus
/// the kernel's foo_get()/foo_put() convention.
bool isStateAcquiringCallee(llvm::StringRef Name);
/// The release of some Lock row (mutex_unlock, spin_unlock_irqrestore, ...).
bool isLockRelease(llvm::StringRef Name);
/// atomic_*, atomic64_*, atomic_long_*, refcount_*, kref_*: any operation
/// but a read changes a counter that outlives the caller.
bool isAtomicWrite(llvm::StringRef Name);

/// A name that exists only in kernels that have the mmap_prepare API (a
/// replacement in the table, a descriptor helper, a VMA_xxx_BIT).
bool isNewerApiName(llvm::StringRef Name);

} // namespace mpl

#endif
