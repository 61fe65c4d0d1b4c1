// .mmap and .mmap_prepare are mutually exclusive.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-api-misuse

#include <linux/fs.h>
#include <linux/mm.h>

static int both_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static int both_prepare(struct vm_area_desc *desc)
{
	return 0;
}

static const struct file_operations both_fops = {
	.mmap = both_mmap,
// CHECK: both-hooks.c:[[@LINE-1]]:2: warning: 'file_operations' sets both .mmap and .mmap_prepare; the hooks are mutually exclusive and the kernel refuses to map the file [mmap-prepare-api-misuse]
	.mmap_prepare = both_prepare,
};
