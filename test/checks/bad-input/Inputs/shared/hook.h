/* A header that defines the callback and its table: every unit including
 * it converts it, with the same edits. */
#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long sh_pfn;

static int sh_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	return remap_pfn_range(vma, vma->vm_start, sh_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations sh_fops = {
	.mmap = sh_mmap,
};
