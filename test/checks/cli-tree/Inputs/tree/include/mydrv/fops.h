/* A header whose macros build an ops table with an mmap slot. */
#include <linux/fs.h>
#define MYDRV_HOOK(name) \
	static int name(struct file *file, struct vm_area_struct *vma)
#define MYDRV_FOPS(name, fn) \
	static const struct file_operations name = { .mmap = fn, }
