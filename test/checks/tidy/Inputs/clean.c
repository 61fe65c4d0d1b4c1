// Nothing to report: an ops table without .mmap.
#include <linux/fs.h>

static ssize_t cl_read(struct file *file, char __user *buf, size_t len,
		       loff_t *ppos)
{
	return 0;
}

static const struct file_operations cl_fops = {
	.read = cl_read,
};
