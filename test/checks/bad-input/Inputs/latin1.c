// Latin-1 comment: été, naïve, © (not UTF-8)
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long cv_pfn;

static int cv_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND);
	return remap_pfn_range(vma, vma->vm_start, cv_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations cv_fops = {
	.mmap = cv_mmap,
};
