// Manual: the converted name is taken. The note must point at the function
// that already owns the name, not at the callback.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long nc_pfn;

static int nc_mmap_prepare(void)
{
	return nc_pfn ? 0 : -ENODEV;
}

static int nc_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	if (nc_mmap_prepare())
		return -ENODEV;
	return remap_pfn_range(vma, vma->vm_start, nc_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations nc_fops = {
	.mmap = nc_mmap,
};
// CHECK: name-clash.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'nc_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: name-clash.c:[[@LINE-15]]:12: note: 'nc_mmap' is defined here
// CHECK-NEXT: name-clash.c:[[@LINE-21]]:12: note: 'nc_mmap_prepare' already exists; pick another --suffix or rename by hand [name-clash]
