// Not in the compile database: gets a command inferred from a neighbour.
#include <linux/fs.h>
#include <linux/mm.h>

static int missing_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}

static const struct file_operations missing_fops = {
	.mmap = missing_mmap,
};
