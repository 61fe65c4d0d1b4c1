// Input for the CLI tests: does not parse.
#include <linux/fs.h>

static int se_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0
}

static const struct file_operations se_fops = {
	.mmap = se_mmap,
};
