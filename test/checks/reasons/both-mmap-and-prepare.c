// API misuse: a table that sets both .mmap and .mmap_prepare; the kernel
// refuses to mmap such a file.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook,mmap-prepare-api-misuse'
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long bp_pfn;

static int bp_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, bp_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static int bp_mmap_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap_full(desc, bp_pfn);
	return 0;
}

static const struct file_operations bp_fops = {
	.mmap = bp_mmap,
	.mmap_prepare = bp_mmap_prepare,
};
// CHECK-DAG: both-mmap-and-prepare.c:[[@LINE-3]]:2: warning: 'file_operations.mmap' is deprecated; {{.*}} [mmap-prepare-legacy-hook]
// CHECK-DAG: both-mmap-and-prepare.c:{{[0-9]+}}:{{[0-9]+}}: warning: {{.*}}sets both .mmap and .mmap_prepare{{.*}} [mmap-prepare-api-misuse]
