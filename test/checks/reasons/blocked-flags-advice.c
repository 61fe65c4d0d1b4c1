// A blocked callback keeps its .mmap hook, so its vm_flags_set() call must
// not draw descriptor advice ("set on the descriptor by bit number").
// RUN: %check_mmap_prepare --exit 1 %s

#include <linux/fs.h>
#include <linux/mm.h>

int bf_hw_map(void *hw, struct vm_area_struct *vma);

static int bf_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_IO);
	return bf_hw_map(file->private_data, vma);
}

static const struct file_operations bf_fops = {
	.mmap = bf_mmap,
};
// CHECK: blocked-flags-advice.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'bf_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK: note: {{.*}} [vma-escapes]
