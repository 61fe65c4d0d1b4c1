// Blocked: the hook dispatches to an inner ops table (fbdev-style), also
// through a helper of this file that copies the slot to a local first
// (fs/proc/inode.c pde_mmap()), and a helper that hands the vma to code that
// needs a real VMA blocks the callback for that reason.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

struct fd_info;

struct fd_ops {
	int (*fb_mmap)(struct fd_info *info, struct vm_area_struct *vma);
};

struct fd_info {
	const struct fd_ops *fbops;
};

static int fd_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fd_info *info = file->private_data;

	if (!info->fbops->fb_mmap)
		return -ENODEV;
	return info->fbops->fb_mmap(info, vma);
}

static const struct file_operations fd_fops = {
	.mmap = fd_mmap,
};
// CHECK: framework-dispatch.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'fd_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: framework-dispatch.c:[[@LINE-13]]:12: note: 'fd_mmap' is defined here
// CHECK-NEXT: framework-dispatch.c:[[@LINE-8]]:9: note: passes the vma to fd_ops.fb_mmap{{.*}} [framework-dispatch]

struct pde_ops {
	int (*proc_mmap)(struct file *file, struct vm_area_struct *vma);
};

struct pde {
	const struct pde_ops *proc_ops;
};

static int pde_mmap(struct pde *pde, struct file *file,
		    struct vm_area_struct *vma)
{
	int (*mmap)(struct file *, struct vm_area_struct *) =
		pde->proc_ops->proc_mmap;

	if (mmap)
		return mmap(file, vma);
	return -EIO;
}

static int proc_mmap(struct file *file, struct vm_area_struct *vma)
{
	return pde_mmap(file->private_data, file, vma);
}

static const struct file_operations proc_fops = {
	.mmap = proc_mmap,
};
// CHECK: framework-dispatch.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'proc_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: framework-dispatch.c:[[@LINE-9]]:12: note: 'proc_mmap' is defined here
// CHECK-NEXT: framework-dispatch.c:[[@LINE-8]]:9: note: passes the vma to pde_mmap(), defined in this file, which passes the vma to pde_ops.proc_mmap (through 'mmap'); the inner ops table must move to mmap_prepare first [framework-dispatch]

int hw_block_mmap(void *hw, struct vm_area_struct *vma);

static int block_mmap_helper(void *hw, struct vm_area_struct *vma)
{
	vma->vm_pgoff = 0;
	return hw_block_mmap(hw, vma);
}

static int block_mmap(struct file *file, struct vm_area_struct *vma)
{
	return block_mmap_helper(file->private_data, vma);
}

static const struct file_operations block_fops = {
	.mmap = block_mmap,
};
// CHECK: framework-dispatch.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'block_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: framework-dispatch.c:[[@LINE-9]]:12: note: 'block_mmap' is defined here
// CHECK-NEXT: framework-dispatch.c:[[@LINE-8]]:9: note: passes the vma to block_mmap_helper(), defined in this file, which passes the vma to hw_block_mmap(), which needs a real VMA [vma-escapes]
