//===- Merge.h - `mmap-prepare-lint merge`: shards into one report -*- C++ -*-//
//
//   mmap-prepare-lint merge [--format=json|sarif|text] <report.json>...
//
// Combines the --format=json reports of --shard=K/N runs (or of any runs)
// into one report: findings in source order, a finding several parts saw
// (a shared header's) once, their errors and units summed into one summary.
// Exit status as a run's: 0 no findings, 1 findings, 2 an error in a part
// or a report that cannot be read.
//
//===----------------------------------------------------------------------===//
#ifndef MPL_DRIVER_MERGE_H
#define MPL_DRIVER_MERGE_H

#include "core/Report.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace mpl {

/// The findings of \p Parts in one list in reportOrder(), as one run of
/// all their units gives them, a finding equal in check, place and message
/// kept once; errors and files not analysed likewise; unit counts summed.
Report mergeReports(std::vector<Report> Parts);

/// The `merge` command; \p Args follow the word `merge`.
int runMerge(llvm::ArrayRef<const char *> Args);

} // namespace mpl

#endif
