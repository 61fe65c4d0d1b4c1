// Blocked: the vma goes to a function defined in another file.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

int ve_hw_map(void *hw, struct vm_area_struct *vma);

static int ve_mmap(struct file *file, struct vm_area_struct *vma)
{
	return ve_hw_map(file->private_data, vma);
}

static const struct file_operations ve_fops = {
	.mmap = ve_mmap,
};
// CHECK: vma-escapes.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 've_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: vma-escapes.c:[[@LINE-9]]:12: note: 've_mmap' is defined here
// CHECK-NEXT: vma-escapes.c:[[@LINE-8]]:9: note: passes the vma to ve_hw_map(){{.*}} [vma-escapes]
