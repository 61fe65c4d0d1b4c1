// An `if` whose rewritten condition now fits on one line loses the braces
// around its one statement (checkpatch: BRACES), as guest_memfd's did;
// braces stay where the condition still takes two lines, the block has
// two statements or an else, or the condition was not rewritten.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int br_ready;

static int br_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) !=
	    (VM_SHARED | VM_MAYSHARE)) {
		return -EINVAL;
	}
	if (vma->vm_flags & VM_WRITE) {
		return -EPERM;
	}
	if (br_ready && (vma->vm_flags & VM_EXEC) && (vma->vm_flags & VM_SHARED) &&
	    (vma->vm_flags & VM_MAYSHARE)) {
		return -EACCES;
	}
	if (vma->vm_pgoff) {
		pr_info("offset\n");
		return -EINVAL;
	}
	if (vma->vm_flags & VM_READ) {
		return -EIO;
	} else {
		return 0;
	}
	if (br_ready) {
		return -EBUSY;
	}
	return 0;
}

static const struct file_operations br_fops = {
	.mmap = br_mmap,
// CHECK: braces.c:[[@LINE-1]]:2: warning: {{.*}}'br_mmap' can be converted
};
