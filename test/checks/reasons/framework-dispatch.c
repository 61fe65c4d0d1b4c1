// Blocked: the hook dispatches to an inner ops table (fbdev-style).
// RUN: %expect-exit 1 %mpl %s -- %kflags \
// RUN:   | %FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
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
