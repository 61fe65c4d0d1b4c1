// Manual: a helper of this file that the callback calls takes state of its
// own (afs_add_open_mmap() in Linux 6.12 bumps a counter this way); the
// count would leak when the mapping fails after the hook.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct sh_vnode {
	atomic_t nr_mmap;
};

static const struct vm_operations_struct sh_vm_ops;

static void sh_add_open_mmap(struct sh_vnode *vnode)
{
	atomic_inc(&vnode->nr_mmap);
}

static int sh_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sh_vnode *vnode = file->private_data;
	int ret;

	sh_add_open_mmap(vnode);
	ret = generic_file_mmap(file, vma);
	if (ret == 0)
		vma->vm_ops = &sh_vm_ops;
	return ret;
}

static const struct file_operations sh_fops = {
	.mmap		= sh_mmap,
};
// CHECK: state-in-helper.c:29:2: warning: the mmap hook calls sh_add_open_mmap(), which changes vnode->nr_mmap with atomic_inc(); {{.*}} [mmap-prepare-stateful-hook]
// CHECK: state-in-helper.c:[[@LINE-3]]:2: warning: 'file_operations.mmap' is deprecated; 'sh_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-in-helper.c:24:12: note: 'sh_mmap' is defined here
// CHECK-NEXT: state-in-helper.c:29:2: note: calls sh_add_open_mmap(), which changes vnode->nr_mmap with atomic_inc(); {{.*}} [state-in-hook]
