//===- KernelApi.cpp - the kernel-API table -------------------------------===//
//
// Levels: 700 = v7.0 (the descriptor flag helpers, the oldest level the
// tool emits), 701 = v7.1 (simple_ioremap, map_kernel_pages, renamed flag
// tests), 702 = v7.2 (error_override). See kernel-api.md sections 3-5, 7.
//
//===----------------------------------------------------------------------===//
#include "matchers/KernelApi.h"
#include "llvm/ADT/StringMap.h"

namespace mpl {
namespace {

using A = ArgRole;
using R = ApiRole;

KernelApiEntry action(const char *Name, std::array<ArgRole, 5> Args,
                      const char *Helper, unsigned Level, ActionKind K,
                      bool ChecksBounds = false) {
  KernelApiEntry E{Name, R::Action, Args, Helper, Level};
  E.Action = K;
  E.ChecksBounds = ChecksBounds;
  return E;
}

KernelApiEntry descAction(const char *Name, std::array<ArgRole, 5> Args,
                          bool ChecksBounds = false) {
  KernelApiEntry E{Name, R::DescAction, Args};
  E.ChecksBounds = ChecksBounds;
  return E;
}

KernelApiEntry twin(const char *Name, std::array<ArgRole, 5> Args,
                    const char *Twin, unsigned Level, bool SameName = false,
                    bool TakesFlags = false) {
  KernelApiEntry E{Name, R::SyncTwin, Args, Twin, Level};
  E.SameNameNewForm = SameName;
  E.TwinTakesFlags = TakesFlags;
  return E;
}

/// 6.12: daxdev_mapping_supported(vma, dax_dev), which read the inode from
/// vma->vm_file; 7.x: (desc, inode, dax_dev).
KernelApiEntry daxTwin() {
  KernelApiEntry E = twin("daxdev_mapping_supported", {A::Vma, A::Other},
                          "daxdev_mapping_supported", 700, /*SameName=*/true);
  E.TwinExtraArg = "file_inode(%D->file)";
  return E;
}

KernelApiEntry flags(const char *Name, FlagOp Op, std::array<ArgRole, 5> Args) {
  KernelApiEntry E{Name, R::FlagHelper, Args};
  E.Flags = Op;
  return E;
}

KernelApiEntry blocker(const char *Name, ReasonCode Code, const char *Why,
                       std::array<ArgRole, 5> Args = {A::Vma}) {
  KernelApiEntry E{Name, R::Blocker, Args};
  E.Reason = Code;
  E.Detail = Why;
  return E;
}

KernelApiEntry role(const char *Name, ApiRole Role,
                    const char *Replacement = nullptr, unsigned Level = 0) {
  return KernelApiEntry{Name, Role, {}, Replacement, Level};
}

const char *const NoDmaAction = "no mmap_action exists for DMA memory yet";

// The table is data: one row per line where it fits, grouped by role.
// clang-format off
const std::vector<KernelApiEntry> &table() {
  static const std::vector<KernelApiEntry> Rows = {
      // Page-table work -> deferred actions.
      action("remap_pfn_range", {A::Vma, A::Start, A::Pfn, A::Size, A::Prot},
             "mmap_action_remap", 700, ActionKind::Remap),
      action("io_remap_pfn_range", {A::Vma, A::Start, A::Pfn, A::Size, A::Prot},
             "mmap_action_ioremap", 700, ActionKind::IoRemap),
      action("vm_iomap_memory", {A::Vma, A::Phys, A::Size},
             "mmap_action_simple_ioremap", 701, ActionKind::SimpleIoRemap,
             /*ChecksBounds=*/true),
      action("vm_map_pages", {A::Vma, A::Pages, A::Count},
             "mmap_action_map_kernel_pages", 701, ActionKind::MapPages,
             /*ChecksBounds=*/true),
      action("vm_map_pages_zero", {A::Vma, A::Pages, A::Count},
             "mmap_action_map_kernel_pages", 701, ActionKind::MapPagesZero,
             /*ChecksBounds=*/true),

      // The actions themselves, as converted code calls them.
      descAction("mmap_action_remap", {A::Desc, A::Start, A::Pfn, A::Size}),
      descAction("mmap_action_ioremap", {A::Desc, A::Start, A::Pfn, A::Size}),
      descAction("mmap_action_remap_full", {A::Desc, A::Pfn}),
      descAction("mmap_action_ioremap_full", {A::Desc, A::Pfn}),
      descAction("mmap_action_map_kernel_pages",
                 {A::Desc, A::Start, A::Pages, A::Count}),
      descAction("mmap_action_map_kernel_pages_full", {A::Desc, A::Pages}),
      descAction("mmap_action_simple_ioremap", {A::Desc, A::Phys, A::Size},
                 /*ChecksBounds=*/true),

      // Synchronous calls with a descriptor twin.
      twin("generic_file_mmap", {A::File, A::Vma}, "generic_file_mmap_prepare",
           700),
      twin("generic_file_readonly_mmap", {A::File, A::Vma},
           "generic_file_readonly_mmap_prepare", 700),
      twin("shmem_zero_setup", {A::Vma}, "shmem_zero_setup_desc", 700),
      twin("vma_pages", {A::Vma}, "vma_desc_pages", 700),
      twin("vma_set_anonymous", {A::Vma}, "vma_desc_set_anonymous", 702),
      twin("is_cow_mapping", {A::VmFlags}, "vma_desc_is_cow_mapping", 700),
      twin("is_nommu_shared_mapping", {A::VmFlags}, "is_nommu_shared_vma_flags",
           700, /*SameName=*/false, /*TakesFlags=*/true),
      twin("is_shared_maywrite", {A::VmFlags}, "is_shared_maywrite", 700,
           /*SameName=*/true, /*TakesFlags=*/true),
      daxTwin(),
      // The VMA-side bit helpers (7.1) and their descriptor forms. The
      // unsuffixed test/set/clear helpers are macros over the _mask forms.
      twin("vma_is_cow_mapping", {A::Vma}, "vma_desc_is_cow_mapping", 700),
      twin("vma_test", {A::Vma, A::Other}, "vma_desc_test", 701),
      twin("vma_test_any", {A::Vma, A::Other}, "vma_desc_test_any", 701),
      twin("vma_test_any_mask", {A::Vma, A::Other}, "vma_desc_test_any_mask",
           701),
      twin("vma_test_all", {A::Vma, A::Other}, "vma_desc_test_all", 701),
      twin("vma_test_all_mask", {A::Vma, A::Other}, "vma_desc_test_all_mask",
           701),
      twin("vma_set_flags", {A::Vma, A::Other}, "vma_desc_set_flags", 701),
      twin("vma_set_flags_mask", {A::Vma, A::Other}, "vma_desc_set_flags_mask",
           701),
      twin("vma_clear_flags", {A::Vma, A::Other}, "vma_desc_clear_flags", 701),
      twin("vma_clear_flags_mask", {A::Vma, A::Other},
           "vma_desc_clear_flags_mask", 701),

      // The flag word.
      flags("vm_flags_set", FlagOp::Set, {A::Vma, A::Mask}),
      flags("vm_flags_clear", FlagOp::Clear, {A::Vma, A::Mask}),
      flags("vm_flags_mod", FlagOp::Mod, {A::Vma, A::Mask, A::ClearMask}),
      flags("vm_flags_init", FlagOp::Reset, {A::Vma, A::Mask}),
      flags("vm_flags_reset", FlagOp::Reset, {A::Vma, A::Mask}),
      flags("vm_flags_reset_once", FlagOp::Reset, {A::Vma, A::Mask}),

      // No prepare-time equivalent.
      blocker("dma_mmap_coherent", ReasonCode::DmaMmap, NoDmaAction, {A::Other, A::Vma}),
      blocker("dma_mmap_wc", ReasonCode::DmaMmap, NoDmaAction, {A::Other, A::Vma}),
      blocker("dma_mmap_attrs", ReasonCode::DmaMmap, NoDmaAction, {A::Other, A::Vma}),
      blocker("dma_mmap_pages", ReasonCode::DmaMmap, NoDmaAction, {A::Other, A::Vma}),
      blocker("dma_mmap_noncontiguous", ReasonCode::DmaMmap, NoDmaAction, {A::Other, A::Vma}),
      blocker("remap_vmalloc_range", ReasonCode::RemapVmalloc,
              "vmalloc memory has no mmap_action equivalent"),
      blocker("remap_vmalloc_range_partial", ReasonCode::RemapVmalloc,
              "vmalloc memory has no mmap_action equivalent"),
      blocker("vm_insert_page", ReasonCode::InsertPage,
              "single pages are inserted at addresses the hook chooses; "
              "mmap_action_map_kernel_pages() maps one array from the start "
              "and needs that array to outlive the hook"),
      blocker("vm_insert_pages", ReasonCode::InsertPage,
              "vm_insert_pages() reports how many pages it mapped and maps "
              "at an address the hook chooses; an action does neither"),
      blocker("vmf_insert_pfn", ReasonCode::InsertPage,
              "fault-time insertion needs the VMA"),
      blocker("zap_vma_ptes", ReasonCode::VmaNeededAfterSetup,
              "the VMA is needed after setup"),
      blocker("vma_set_file", ReasonCode::VmaNeededAfterSetup,
              "the VMA is needed after setup"),

      // Frameworks that map through their own ops.
      role("vb2_mmap", R::FrameworkDispatch),
      role("vb2_fop_mmap", R::FrameworkDispatch),
      role("v4l2_m2m_mmap", R::FrameworkDispatch),
      role("v4l2_m2m_fop_mmap", R::FrameworkDispatch),
      role("videobuf_mmap_mapper", R::FrameworkDispatch),
      role("fb_deferred_io_mmap", R::FrameworkDispatch),
      role("fb_io_mmap", R::FrameworkDispatch),
      role("dma_buf_mmap", R::FrameworkDispatch),
      role("drm_gem_mmap", R::FrameworkDispatch),
      role("drm_gem_mmap_obj", R::FrameworkDispatch),
      role("drm_gem_prime_mmap", R::FrameworkDispatch),
      role("drm_gem_dma_mmap", R::FrameworkDispatch),
      role("drm_gem_shmem_mmap", R::FrameworkDispatch),
      role("ttm_bo_mmap_obj", R::FrameworkDispatch),
      role("snd_pcm_lib_default_mmap", R::FrameworkDispatch),
      role("snd_pcm_mmap_data", R::FrameworkDispatch),
      role("sock_common_mmap", R::FrameworkDispatch),
      role("vfio_pci_core_mmap", R::FrameworkDispatch),
      role("kernfs_fop_mmap", R::FrameworkDispatch),
      role("uio_mmap", R::FrameworkDispatch),
      role("call_mmap", R::FrameworkDispatch),
      role("vfs_mmap", R::FrameworkDispatch),
      role("compat_vma_mmap", R::FrameworkDispatch),
      role("sock_no_mmap", R::FrameworkHandler),

      // State that outlives the call.
      role("kmalloc", R::StateAcquire), role("kzalloc", R::StateAcquire),
      role("kcalloc", R::StateAcquire), role("kmalloc_array", R::StateAcquire),
      role("kmalloc_node", R::StateAcquire), role("kzalloc_node", R::StateAcquire),
      role("kvmalloc", R::StateAcquire), role("kvzalloc", R::StateAcquire),
      role("kvcalloc", R::StateAcquire), role("kvmalloc_array", R::StateAcquire),
      role("kmalloc_obj", R::StateAcquire), role("kzalloc_obj", R::StateAcquire),
      // 7.x typed allocators (slab.h): _objs for arrays, _flex for a
      // flexible array member (its counter is set inside the macro).
      role("kmalloc_objs", R::StateAcquire), role("kzalloc_objs", R::StateAcquire),
      role("kmalloc_flex", R::StateAcquire), role("kzalloc_flex", R::StateAcquire),
      role("kvmalloc_obj", R::StateAcquire), role("kvzalloc_obj", R::StateAcquire),
      role("kvmalloc_objs", R::StateAcquire), role("kvzalloc_objs", R::StateAcquire),
      role("kvmalloc_flex", R::StateAcquire), role("kvzalloc_flex", R::StateAcquire),
      role("vmalloc", R::StateAcquire), role("vzalloc", R::StateAcquire),
      role("vmalloc_user", R::StateAcquire),
      role("vmalloc_32_user", R::StateAcquire),
      role("devm_kzalloc", R::StateAcquire), role("devm_kmalloc", R::StateAcquire),
      role("kmem_cache_alloc", R::StateAcquire),
      role("kmem_cache_zalloc", R::StateAcquire),
      role("alloc_page", R::StateAcquire), role("alloc_pages", R::StateAcquire),
      role("__get_free_page", R::StateAcquire),
      role("__get_free_pages", R::StateAcquire),
      role("get_zeroed_page", R::StateAcquire), role("kstrdup", R::StateAcquire),
      role("kmemdup", R::StateAcquire),
      role("dma_alloc_coherent", R::StateAcquire),
      role("dma_alloc_attrs", R::StateAcquire), role("idr_alloc", R::StateAcquire),
      role("ida_alloc", R::StateAcquire), role("ida_simple_get", R::StateAcquire),
      role("kref_get", R::StateAcquire),
      role("kref_get_unless_zero", R::StateAcquire),
      role("refcount_inc", R::StateAcquire),
      role("refcount_inc_not_zero", R::StateAcquire),
      role("atomic_inc", R::StateAcquire), role("atomic_inc_return", R::StateAcquire),
      role("atomic_add", R::StateAcquire), role("atomic_add_return", R::StateAcquire),
      role("atomic64_inc", R::StateAcquire), role("atomic_long_inc", R::StateAcquire),
      role("get_device", R::StateAcquire), role("get_file", R::StateAcquire),
      role("get_task_struct", R::StateAcquire),
      role("try_module_get", R::StateAcquire),
      role("__module_get", R::StateAcquire), role("mmgrab", R::StateAcquire),
      role("mmget", R::StateAcquire), role("kobject_get", R::StateAcquire),
      role("get_page", R::StateAcquire),
      role("pm_runtime_resume_and_get", R::StateAcquire),

      // Locks and their release.
      role("mutex_lock", R::Lock, "mutex_unlock"),
      role("mutex_lock_interruptible", R::Lock, "mutex_unlock"),
      role("mutex_lock_killable", R::Lock, "mutex_unlock"),
      role("spin_lock", R::Lock, "spin_unlock"),
      role("spin_lock_irq", R::Lock, "spin_unlock_irq"),
      role("spin_lock_irqsave", R::Lock, "spin_unlock_irqrestore"),
      role("spin_lock_bh", R::Lock, "spin_unlock_bh"),
      role("down_read", R::Lock, "up_read"),
      role("down_write", R::Lock, "up_write"),
      role("down", R::Lock, "up"),
      role("mmap_read_lock", R::Lock, "mmap_read_unlock"),
      role("mmap_write_lock", R::Lock, "mmap_write_unlock"),
      role("mmap_read_lock_killable", R::Lock, "mmap_read_unlock"),
      role("mutex_lock_nested", R::Lock, "mutex_unlock"),
      role("spin_lock_nested", R::Lock, "spin_unlock"),
      role("raw_spin_lock", R::Lock, "raw_spin_unlock"),
      role("raw_spin_lock_irq", R::Lock, "raw_spin_unlock_irq"),
      role("raw_spin_lock_irqsave", R::Lock, "raw_spin_unlock_irqrestore"),
      role("read_lock", R::Lock, "read_unlock"),
      role("write_lock", R::Lock, "write_unlock"),
      role("read_lock_irqsave", R::Lock, "read_unlock_irqrestore"),
      role("write_lock_irqsave", R::Lock, "write_unlock_irqrestore"),
      role("down_read_killable", R::Lock, "up_read"),
      role("down_read_interruptible", R::Lock, "up_read"),
      role("down_write_killable", R::Lock, "up_write"),
      role("down_interruptible", R::Lock, "up"),
      role("down_killable", R::Lock, "up"),
      role("rcu_read_lock", R::Lock, "rcu_read_unlock"),
      role("srcu_read_lock", R::Lock, "srcu_read_unlock"),

      role("file_accessed", R::Harmless), role("printk", R::Harmless),

      // Descriptor helpers renamed in 7.1.
      role("vma_desc_test_flags", R::Renamed, "vma_desc_test_any", 701),
      role("vma_desc_test_flags_mask", R::Renamed, "vma_desc_test_any_mask", 701),
      role("vma_test_all_flags", R::Renamed, "vma_test_all", 701),
      role("vma_test_all_flags_mask", R::Renamed, "vma_test_all_mask", 701),
      role("vma_flag_set", R::Renamed, "vma_flags_set_flag", 701),
  };
  return Rows;
}
// clang-format on

const llvm::StringMap<const KernelApiEntry *> &index() {
  static const llvm::StringMap<const KernelApiEntry *> Index = [] {
    llvm::StringMap<const KernelApiEntry *> M;
    for (const KernelApiEntry &E : table())
      M.try_emplace(E.Name, &E);
    return M;
  }();
  return Index;
}

} // namespace

int KernelApiEntry::argIndex(ArgRole Role) const {
  for (unsigned I = 0; I < Args.size(); ++I)
    if (Args[I] == Role)
      return static_cast<int>(I);
  return -1;
}

const KernelApiEntry *lookupKernelApi(llvm::StringRef Name) {
  auto It = index().find(Name);
  if (It != index().end())
    return It->second;
  // Logging never touches the mapping.
  static const KernelApiEntry Logging{"pr_*", ApiRole::Harmless};
  if (Name.starts_with("pr_") || Name.starts_with("dev_dbg") ||
      Name.starts_with("dev_info") || Name.starts_with("dev_warn") ||
      Name.starts_with("dev_err") || Name.starts_with("trace_"))
    return &Logging;
  return nullptr;
}

llvm::ArrayRef<KernelApiEntry> kernelApiTable() { return table(); }

bool isLockRelease(llvm::StringRef Name) {
  for (const KernelApiEntry &E : table())
    if (E.Role == ApiRole::Lock && Name == E.Replacement)
      return true;
  return false;
}

bool isAtomicWrite(llvm::StringRef Name) {
  // Every operation of the atomic and reference-count families changes the
  // object except a read.
  for (llvm::StringRef Family :
       {"atomic_", "atomic64_", "atomic_long_", "refcount_", "kref_"})
    if (Name.starts_with(Family))
      return !Name.contains("read");
  return false;
}

bool isStateAcquiringCallee(llvm::StringRef Name) {
  if (const KernelApiEntry *E = lookupKernelApi(Name))
    return E->Role == ApiRole::StateAcquire;
  if (isAtomicWrite(Name))
    return true;
  if (Name.starts_with("pm_runtime_get"))
    return true;
  // Kernel convention: foo_get() takes a reference that foo_put() drops.
  return Name.ends_with("_get") && !Name.ends_with("_try_get");
}

bool isNewerApiName(llvm::StringRef Name) {
  if (Name.starts_with("vma_desc_") || Name.starts_with("mmap_action_") ||
      Name.starts_with("VMA_") || Name.starts_with("vma_flags") ||
      Name == "mk_vma_flags" || Name == "EMPTY_VMA_FLAGS" ||
      Name == "error_override" || Name == "range_in_vma_desc" ||
      Name == "vm_area_desc" || Name == PrepareSlot)
    return true;
  for (const KernelApiEntry &E : table())
    if (E.Replacement && Name == E.Replacement && !E.SameNameNewForm &&
        (E.Role == ApiRole::SyncTwin || E.Role == ApiRole::Action ||
         E.Role == ApiRole::Renamed))
      return true;
  return false;
}

} // namespace mpl
