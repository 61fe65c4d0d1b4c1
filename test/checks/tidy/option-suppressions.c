// CheckOptions `Suppressions` is the CLI's --suppressions (one option table,
// core/EngineOptionSpec.cpp): the listed finding is dropped by both front
// ends, the other one stays; a missing list is a configuration warning.
// RUN: printf 'mmap-prepare-legacy-hook */option-suppressions.c:quiet_mmap\n' > %t.supp
// RUN: %check_mmap_prepare --exit 1 %s --suppressions=%t.supp
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' \
// RUN:   "-config={CheckOptions: {Suppressions: '%t.supp'}}" %s -- %kflags 2>/dev/null \
// RUN:   | %FileCheck %s --implicit-check-not=warning:
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-legacy-hook' \
// RUN:   "-config={CheckOptions: {Suppressions: '%t.none'}}" %s -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=MISSING

#include <linux/fs.h>
#include <linux/mm.h>

static int quiet_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int loud_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations quiet_fops = {
	.mmap = quiet_mmap,
};

static const struct file_operations loud_fops = {
	.mmap = loud_mmap,
};
// CHECK: option-suppressions.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'loud_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// MISSING: warning: invalid value for option 'Suppressions' of check 'mmap-prepare-legacy-hook': {{.*}}.none: No such file or directory; no suppression list read [clang-tidy-config]
