// Manual: the page array lives on the callback's stack; the action keeps the
// pointer and reads the array once the hook has returned.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static struct page *lpa_page(int i) { return i ? NULL : NULL; }

static int lpa_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct page *pages[2] = { lpa_page(0), lpa_page(1) };

	return vm_map_pages_zero(vma, pages, 2);
}

static const struct file_operations lpa_fops = {
	.mmap = lpa_mmap,
};
// CHECK: local-page-array.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'lpa_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: local-page-array.c:13:12: note: 'lpa_mmap' is defined here
// CHECK-NEXT: local-page-array.c:17:32: note: 'pages' is an array local to the callback; the action would read it after the hook has returned [local-page-array]
