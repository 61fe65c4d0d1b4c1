#include <linux/fs.h>

static int broken_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0
}

static const struct file_operations broken_fops = {
	.mmap = broken_mmap,
};
