// Blocked: reads a vma field (anon_vma) that has no vm_area_desc twin.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long vf_pfn;

static int vf_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	if (vma->anon_vma)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, vf_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations vf_fops = {
	.mmap = vf_mmap,
};
// CHECK: vma-field.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'vf_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: vma-field.c:[[@LINE-15]]:12: note: 'vf_mmap' is defined here
// CHECK-NEXT: vma-field.c:[[@LINE-12]]:6: note: {{.*}}anon_vma{{.*}} [vma-field]
