// A helper that takes the vma and is called only from the callback is
// converted with it (design.md: "a desc twin"); only a helper with other
// callers makes the callback manual.
// XFAIL: *
// RUN: %expect-exit 1 %mpl %s -- %kflags \
// RUN:   | %FileCheck %s --implicit-check-not=helper-takes-vma

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ho_pfn;

static void ho_set_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
}

static int ho_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	ho_set_prot(vma);
	return remap_pfn_range(vma, vma->vm_start, ho_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations ho_fops = {
	.mmap = ho_mmap,
};
// CHECK: helper-only-caller.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ho_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
