//===- HugePageMalloc.h - let malloc use transparent huge pages -*- C++ -*-===//
//
// A worker's parse of a kernel unit allocates one to two hundred MB in small
// steps, and touches each new page once: on a virtual machine, where a page
// fault is costly, the faults were a fifth of a whole-tree run. glibc's
// malloc backs its heap with transparent huge pages when the
// glibc.malloc.hugetlb tunable is 1, and reads the tunable only at start-up,
// so the command line starts itself again, once, with it set.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_HUGEPAGEMALLOC_H
#define MPL_DRIVER_HUGEPAGEMALLOC_H

namespace mpl {

/// Replaces the process with itself (same arguments, GLIBC_TUNABLES with
/// glibc.malloc.hugetlb=1 added) when that can help: glibc, transparent
/// huge pages on "always" or "madvise", the tunable not set yet, and
/// MPL_NO_HUGEPAGE_MALLOC unset. Returns when it does not (or exec fails).
void relaunchWithHugePageMalloc(const char **Argv);

} // namespace mpl

#endif
