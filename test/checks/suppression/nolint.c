// NOLINT comments and a suppression file silence findings and are counted.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check_mmap_prepare --exit 1 --check-prefix=JSON %s --format=json
// RUN: printf '# maintainers refuse NOLINT in-tree\nmmap-prepare-legacy-hook */nolint.c:whole_mmap\n' > %t.supp
// RUN: %check_mmap_prepare --exit 0 --check-prefix=FILE %s --suppressions=%t.supp --format=json

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;

static int whole_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, base_pfn, // NOLINT(mmap-prepare-remap-range)
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int quiet_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap = whole_mmap },
	// NOLINTNEXTLINE(mmap-prepare-legacy-hook)
	{ .mmap = quiet_mmap },
};
// CHECK-NOT: remap-range
// CHECK: nolint.c:[[@LINE-5]]:4: warning: 'file_operations.mmap' is deprecated; 'whole_mmap' can be converted
// CHECK-NOT: quiet_mmap
// JSON: "suppressed": 2
// FILE: "findings": 0
// FILE: "suppressed": 3
