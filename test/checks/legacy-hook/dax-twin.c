// daxdev_mapping_supported() kept its name but took the descriptor and the
// inode in 7.x: (vma, dax_dev) -> (desc, file_inode(desc->file), dax_dev).
// The legacy form only compiles against pre-7.0 headers, so the conversion
// is written with an explicit --api over them.
// RUN: %expect-exit 1 %mpl --api=7.3 --diff %s -- %kflags -DMOCK_KERNEL_API=0 2>/dev/null | %FileCheck %s

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/dax.h>

struct dax_device *dx_dev;
static const struct vm_operations_struct dx_vm_ops;

static int dx_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!daxdev_mapping_supported(vma, dx_dev))
		return -EOPNOTSUPP;
	file_accessed(file);
	vma->vm_ops = &dx_vm_ops;
	return 0;
}
// CHECK: +static int dx_file_mmap_prepare(struct vm_area_desc *desc)
// CHECK: -	if (!daxdev_mapping_supported(vma, dx_dev))
// CHECK-NEXT: +	struct file *file = desc->file;
// CHECK: +	if (!daxdev_mapping_supported(desc, file_inode(desc->file), dx_dev))
// CHECK: +	desc->vm_ops = &dx_vm_ops;

static const struct file_operations dx_fops = {
	.mmap		= dx_file_mmap,
};
// CHECK: +	.mmap_prepare	= dx_file_mmap_prepare,
