// CheckOptions `Suffix` is the CLI's --suffix: the same findings, the same
// conversion under the new name.
// RUN: %check_mmap_prepare --exit 1 %s --suffix=_desc
// RUN: %compare-frontends --workdir %t %s
// RUN: cp %s %t.c
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' \
// RUN:   '-config={CheckOptions: {Suffix: "_desc"}}' --fix %t.c -- %kflags
// RUN: %FileCheck %s --check-prefix=FIXED --input-file=%t.c
//
// A per-check value overrides the global one (only legacy-hook carries
// the conversion, so its Suffix names the new function).
// RUN: cp %s %t.local.c
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' \
// RUN:   '-config={CheckOptions: {Suffix: "_global", mmap-prepare-legacy-hook.Suffix: "_desc"}}' \
// RUN:   --fix %t.local.c -- %kflags
// RUN: diff %t.c %t.local.c

#include <linux/fs.h>
#include <linux/mm.h>

static int sx_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations sx_fops = {
	.mmap = sx_mmap,
};
// CHECK: option-suffix.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'sx_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

// FIXED: static int sx_mmap_desc(struct vm_area_desc *desc)
// FIXED: .mmap_prepare = sx_mmap_desc,
