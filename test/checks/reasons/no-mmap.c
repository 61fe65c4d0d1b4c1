// Not reported: an ops table without .mmap, and vma code outside any hook.
// RUN: %expect-exit 0 %mpl %s -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --allow-empty --implicit-check-not=warning: \
// RUN:     --implicit-check-not=note: --implicit-check-not=error:

#include <linux/fs.h>
#include <linux/mm.h>

static ssize_t nm_read(struct file *file, char __user *buf, size_t len,
		       loff_t *ppos)
{
	return 0;
}

static void nm_vm_close(struct vm_area_struct *vma)
{
}

static const struct vm_operations_struct nm_vm_ops = {
	.close = nm_vm_close,
};

static const struct file_operations nm_fops = {
	.read = nm_read,
};
