// Blocked: fops built by a macro expanded twice: one finding, at the macro.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check_mmap_prepare --exit 1 --check-prefix=JSON %s --format=json
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>

static unsigned long mf_pfn;

static int mf_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, mf_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

#define MF_FOPS(name)						\
	static const struct file_operations name = {		\
		.mmap = mf_mmap,				\
	}
MF_FOPS(mf_fops_a);
MF_FOPS(mf_fops_b);
// CHECK: macro-fops-table.c:[[@LINE-4]]:3: warning: 'file_operations.mmap' is set to 'mf_mmap' inside macro 'MF_FOPS' (2 expansions here); convert the macro's definition by hand [mmap-prepare-legacy-hook]
// CHECK-NEXT: macro-fops-table.c:[[@LINE-5]]:3: note: the ops table is built by a macro; the tool does not rewrite macro bodies [macro-spelled]
// CHECK-NEXT: macro-fops-table.c:[[@LINE-4]]:1: note: expanded here
// CHECK-NEXT: macro-fops-table.c:[[@LINE-4]]:1: note: expanded here
// JSON:      "callback": "mf_mmap",
// JSON-NEXT: "check": "mmap-prepare-legacy-hook",
// JSON-NEXT: "classification": "blocked",
// JSON-NEXT: "column": 3,
// JSON-NEXT: "expansions": 2,
// JSON:      "fixable": false,
// JSON-NEXT: "line": [[@LINE-14]],
// JSON:      "reasons": [
// JSON-NEXT:   "macro-spelled"
