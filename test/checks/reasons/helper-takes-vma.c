// Manual: a helper here takes the vma and has another caller.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ht_pfn;

static void ht_set_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
}

/* also used by the sibling driver */
void ht_fixup(struct vm_area_struct *vma)
{
	ht_set_prot(vma);
}

static int ht_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	ht_set_prot(vma);
	return remap_pfn_range(vma, vma->vm_start, ht_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations ht_fops = {
	.mmap = ht_mmap,
};
// CHECK: helper-takes-vma.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ht_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: helper-takes-vma.c:[[@LINE-14]]:12: note: 'ht_mmap' is defined here
// CHECK-NEXT: helper-takes-vma.c:[[@LINE-11]]:2: note: passes the vma to ht_set_prot(){{.*}} [helper-takes-vma]
